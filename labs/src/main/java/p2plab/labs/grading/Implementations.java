package p2plab.labs.grading;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The student's (or the reference) strategy as a factory an overlay takes, for the shell's
 * {@code --impl student|reference}: e.g. {@code new NapsterOverlay(Implementations.of("napster",
 * "student", IndexStore.class))}. Failures are one-line {@link IllegalArgumentException}s.
 */
public final class Implementations {

    private Implementations() {
    }

    /** @param impl {@code student} (compiled now from {@code student/<lab>/}) or {@code reference} */
    public static <T> Supplier<T> of(String lab, String impl, Class<T> type) {
        return of(lab, impl, type, SourceTree.studentFolder());
    }

    public static <T> Supplier<T> of(String lab, String impl, Class<T> type, Path studentFolder) {
        LabAssignment assignment = Assignments.load().require(lab);
        if (!type.isAssignableFrom(assignment.strategyType())) {
            throw new IllegalArgumentException("lab " + lab + " implements " + assignment.strategyType().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        Supplier<Object> factory = switch (impl) {
            case "reference" -> assignment.reference();
            case "student" -> {
                StudentBuild build = new StudentCompiler(studentFolder).build(assignment);
                if (build instanceof StudentBuild.Failed f) {
                    throw new IllegalArgumentException(f.summary());
                }
                yield ((StudentBuild.Ready) build).factory();
            }
            default -> throw new IllegalArgumentException("--impl must be student or reference, got '" + impl + "'");
        };
        return () -> type.cast(factory.get());
    }
}
