package p2plab.labs.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import p2plab.common.metrics.Json;

/**
 * A lab's grade: one outcome per graded test. Prints as a score table and writes Gradescope's
 * {@code results.json} (top level {@code score}, {@code max_score}, {@code tests}; per test
 * {@code name}, {@code score}, {@code max_score}, {@code status}, {@code output}, {@code visibility}).
 */
public record GradeReport(String lab, String title, String impl, List<TestOutcome> tests) {

    public GradeReport {
        tests = List.copyOf(tests);
    }

    public double score() {
        return tests.stream().mapToDouble(TestOutcome::score).sum();
    }

    public double maxScore() {
        return tests.stream().mapToDouble(TestOutcome::maxScore).sum();
    }

    /** The {@code results.json} content as ordered maps (Gradescope's field names). */
    public Map<String, Object> gradescope() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", score());
        root.put("max_score", maxScore());
        List<Map<String, Object>> list = new ArrayList<>();
        for (TestOutcome t : tests) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("score", t.score());
            m.put("max_score", t.maxScore());
            m.put("status", t.passed() ? "passed" : "failed");
            m.put("output", t.output());
            m.put("visibility", t.visibility().json());
            list.add(m);
        }
        root.put("tests", list);
        return root;
    }

    public void writeResults(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Json.mapper().writeValue(file.toFile(), gradescope());
    }

    /** The score table: one row per test, failures with their reason underneath. */
    public void print(PrintWriter out) {
        out.println(title + " (" + impl + ")");
        int width = 20;
        for (TestOutcome t : tests) {
            width = Math.max(width, t.name().length());
        }
        width = Math.min(width, 70);
        String header = String.format(Locale.ROOT, "  %-" + width + "s  %9s  %s", "test", "points", "");
        out.println(header);
        for (TestOutcome t : tests) {
            String name = t.name().length() > width ? t.name().substring(0, width - 1) + "…" : t.name();
            out.println(String.format(Locale.ROOT, "  %-" + width + "s  %4s/%-4s  %s", name, points(t.score()), points(t.maxScore()),
                    t.passed() ? "ok" : "FAILED"));
            if (!t.passed() && !t.output().isEmpty()) {
                String first = t.output().lines().findFirst().orElse("");
                out.println("      " + (first.length() > 110 ? first.substring(0, 109) + "…" : first));
            }
        }
        out.println(String.format(Locale.ROOT, "  %-" + width + "s  %4s/%-4s", "total", points(score()), points(maxScore())));
        out.flush();
    }

    private static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
