package p2plab.labs.grading;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.AssertionFailedError;

/**
 * Collects the outcome of every {@link Graded} test of a launch. A graded test that never ran
 * (its class failed to start, or it was skipped) counts as failed with the reason of its container.
 */
final class GradingListener implements TestExecutionListener {
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, String> containerFailures = new HashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        graded(id).ifPresent(g -> outcomes.put(id.getUniqueId(), TestOutcome.failed(name(id), g, "skipped: " + reason)));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                containerFailures.put(id.getUniqueId(), result.getThrowable().map(GradingListener::explain).orElse("did not run"));
            }
            return;
        }
        graded(id).ifPresent(g -> outcomes.put(id.getUniqueId(), switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.passed(name(id), g);
            case ABORTED -> TestOutcome.failed(name(id), g, "aborted: " + result.getThrowable().map(GradingListener::explain).orElse(""));
            case FAILED -> TestOutcome.failed(name(id), g, result.getThrowable().map(GradingListener::explain).orElse("failed"));
        }));
    }

    /** Every graded test of the plan, in plan order; those that never reported get 0 points. */
    List<TestOutcome> outcomes() {
        List<TestOutcome> all = new ArrayList<>();
        if (plan == null) {
            return all;
        }
        for (TestIdentifier id : allTests(plan)) {
            Optional<Graded> g = graded(id);
            if (g.isEmpty()) {
                continue;
            }
            TestOutcome o = outcomes.get(id.getUniqueId());
            if (o == null) {
                o = TestOutcome.failed(name(id), g.get(), containerReason(id));
            }
            all.add(o);
        }
        all.sort(GradingListener::byNumber);
        return all;
    }

    /** "1.2 ..." before "1.10 ...": tests are numbered in their display names; unnumbered ones keep their place after. */
    static int byNumber(TestOutcome a, TestOutcome b) {
        int[] x = number(a.name());
        int[] y = number(b.name());
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int[] number(String name) {
        String first = name.split(" ", 2)[0];
        if (!first.matches("\\d+(\\.\\d+)*")) {
            return new int[] {Integer.MAX_VALUE};
        }
        return java.util.Arrays.stream(first.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private String containerReason(TestIdentifier id) {
        Optional<TestIdentifier> parent = plan.getParent(id);
        while (parent.isPresent()) {
            String why = containerFailures.get(parent.get().getUniqueId());
            if (why != null) {
                return why;
            }
            parent = plan.getParent(parent.get());
        }
        return "did not run";
    }

    static List<TestIdentifier> allTests(TestPlan plan) {
        List<TestIdentifier> tests = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, tests);
        }
        return tests;
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<TestIdentifier> into) {
        if (id.isTest()) {
            into.add(id);
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(plan, child, into);
        }
    }

    static Optional<Graded> graded(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(GradingListener::method).map(m -> m.getAnnotation(Graded.class));
    }

    private static Optional<Method> method(MethodSource source) {
        try {
            return Optional.of(source.getJavaMethod());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String name(TestIdentifier id) {
        return id.getDisplayName();
    }

    /**
     * A failure as a student should read it: the assertion's message, or the exception and the
     * line of the student's code (or of the test) where it happened. No stack trace.
     */
    static String explain(Throwable t) {
        if (t instanceof AssertionFailedError || t instanceof AssertionError) {
            String m = t.getMessage();
            return m == null || m.isBlank() ? "assertion failed" : m.strip();
        }
        if (t instanceof TimeoutException) {
            return t.getMessage() + " (an endless loop, or far too slow)";
        }
        Throwable root = t;
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().strip());
        for (StackTraceElement e : root.getStackTrace()) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !c.startsWith("org.junit")) {
                return text + " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        return text;
    }
}
