package p2plab.labs.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one lab's graded tests through the JUnit Platform launcher against one implementation
 * and collects a {@link GradeReport}. Every test gets a timeout on a separate thread, so an
 * endless loop in student code costs that test's points and the run goes on.
 */
public final class Grader {
    /** Seconds a graded test may run when it declares no {@code @Timeout} of its own. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;

    private Grader() {
    }

    /** Grades {@code factory}'s instances (the reference, a student's, or a test's own) on {@code lab}. */
    public static GradeReport grade(LabAssignment lab, String impl, Supplier<?> factory) {
        return grade(lab, impl, factory, DEFAULT_TIMEOUT_SECONDS);
    }

    /** As {@link #grade(LabAssignment, String, Supplier)}, each test given {@code timeoutSeconds}. */
    public static GradeReport grade(LabAssignment lab, String impl, Supplier<?> factory, int timeoutSeconds) {
        @SuppressWarnings("unchecked")
        Class<Object> strategy = (Class<Object>) lab.strategyType();
        Subject.install(strategy, factory);
        try {
            Launcher launcher = LauncherFactory.create();
            GradingListener listener = new GradingListener();
            launcher.execute(request(lab, timeoutSeconds), listener);
            return new GradeReport(lab.id(), lab.title(), impl, listener.outcomes());
        } finally {
            Subject.clear(strategy);
        }
    }

    /** Compiles the student's sources and grades them; a compile error scores 0 with the compiler's messages. */
    public static GradeReport gradeStudent(LabAssignment lab, StudentCompiler compiler) {
        StudentBuild build = compiler.build(lab);
        if (build instanceof StudentBuild.Ready ready) {
            return grade(lab, "student", ready.factory());
        }
        StudentBuild.Failed failed = (StudentBuild.Failed) build;
        return zero(lab, "student", failed.messages());
    }

    /** Every graded test of the lab at 0 points with {@code why} as its output, without running any. */
    public static GradeReport zero(LabAssignment lab, String impl, String why) {
        TestPlan plan = LauncherFactory.create().discover(request(lab, DEFAULT_TIMEOUT_SECONDS));
        List<TestOutcome> outcomes = new ArrayList<>();
        for (TestIdentifier id : GradingListener.allTests(plan)) {
            GradingListener.graded(id).ifPresent(g -> outcomes.add(TestOutcome.failed(GradingListener.name(id), g, why)));
        }
        outcomes.sort(GradingListener::byNumber);
        return new GradeReport(lab.id(), lab.title(), impl, outcomes);
    }

    private static LauncherDiscoveryRequest request(LabAssignment lab, int timeoutSeconds) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(lab.tests()))
                .configurationParameter("junit.jupiter.execution.timeout.default", timeoutSeconds + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
    }
}
