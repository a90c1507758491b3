package p2plab.labs.grading;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * One lab as the grader knows it, from {@code labs/assignments.properties}. Classes are named,
 * not linked, so this package depends on no lab and the student edition can drop the reference
 * solutions without touching any code.
 *
 * @param id             what the user types: {@code p2plab grade napster}
 * @param number         the lab's number in the handouts
 * @param title          one line
 * @param testClass      the graded JUnit tests (in main sources, so the jar can run them)
 * @param strategy       the interface the student implements
 * @param studentClass   the student's class, compiled from {@code student/<id>/}
 * @param referenceClass the instructor's solution; absent from the student edition
 */
public record LabAssignment(String id, int number, String title, String testClass, String strategy,
                            String studentClass, String referenceClass) {

    public Class<?> strategyType() {
        return load(strategy);
    }

    public Class<?> tests() {
        return load(testClass);
    }

    /** True unless this is the student edition. */
    public boolean hasReference() {
        try {
            Class.forName(referenceClass, false, LabAssignment.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** New reference instances; an {@link IllegalArgumentException} in the student edition. */
    public Supplier<Object> reference() {
        if (!hasReference()) {
            throw new IllegalArgumentException("reference solutions are not part of the student edition; grade your own code with --impl student");
        }
        return factoryOf(load(referenceClass), strategyType());
    }

    /** A factory calling the public no-argument constructor of {@code impl}, checked to implement {@code strategy}. */
    static Supplier<Object> factoryOf(Class<?> impl, Class<?> strategy) {
        if (!strategy.isAssignableFrom(impl)) {
            throw new IllegalArgumentException(impl.getName() + " must implement " + strategy.getName());
        }
        Constructor<?> constructor;
        try {
            constructor = impl.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(impl.getName() + " needs a public constructor without arguments");
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("the constructor of " + impl.getSimpleName() + " failed: " + cause, cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + impl.getSimpleName() + ": " + e, e);
            }
        };
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, LabAssignment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("lab class " + name + " is missing from this build", e);
        }
    }
}
