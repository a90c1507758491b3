package p2plab.labs.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit test as part of a lab's grade: it earns {@link #points} when it passes and
 * nothing otherwise. Tests without it still run but do not count.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    double points();

    Visibility visibility() default Visibility.VISIBLE;
}
