package p2plab.labs.grading;

import java.util.function.Supplier;

/** The result of compiling a lab's student sources: a factory of the student's class, or why not. */
public sealed interface StudentBuild {

    /** Compiled and loaded; {@code factory} makes a new instance per call. */
    record Ready(Supplier<Object> factory) implements StudentBuild {
    }

    /**
     * Nothing to run.
     *
     * @param summary  one line for the screen
     * @param messages the compiler's messages (or the loading problem), for every test's output
     */
    record Failed(String summary, String messages) implements StudentBuild {
    }
}
