package p2plab.labs.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import p2plab.labs.console.FileErrors;

/**
 * {@code p2plab grade <lab> [--impl student|reference] [--results FILE] [--timeout S]}: runs a lab's graded
 * tests, prints the score table and writes Gradescope's {@code results.json}. The exit code is 0
 * whatever the score (a grade is not an error); only a wrong command line or a missing lab fails.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Run a lab's graded tests and write Gradescope's results.json.",
            "Labs: napster, gnutella, kazaa, picker, choker, distribution (or 1-6), kademlia (7), streaming (8)."})
public final class GradeCommand implements Callable<Integer> {

    /** Which implementation the tests exercise. */
    public enum Impl { student, reference }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB", description = "the lab: its name or number")
    String lab;

    @Option(names = "--impl", defaultValue = "student", paramLabel = "student|reference",
            description = "grade your code in student/<lab>/ (default) or the instructor's reference")
    Impl impl;

    @Option(names = "--results", defaultValue = "results.json", paramLabel = "FILE",
            description = "where to write Gradescope's results.json (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--timeout", defaultValue = "20", paramLabel = "SECONDS",
            description = "how long each test may run before it fails (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--student-dir", paramLabel = "DIR",
            description = "the student/ folder (default: student/ of the source tree around the working directory)")
    Path studentDir;

    private final BooleanSupplier ownJvm;

    public GradeCommand() {
        this(() -> false);
    }

    /**
     * @param ownJvm true when the grading must run in a JVM of its own. In the interactive shell
     *               it must: Java cannot stop a thread, so a student's endless loop that a test
     *               timeout cut off would keep a core busy until the shell ends.
     */
    public GradeCommand(BooleanSupplier ownJvm) {
        this.ownJvm = ownJvm;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1) {
            err.println("error: --timeout must be at least 1 second, got " + timeoutSeconds);
            return 2;
        }
        if (Files.isDirectory(results)) {
            // Checked before the tests run: they take a minute, and then there is nowhere to write.
            err.println("error: --results " + results + " is a folder; give a file name, e.g. " + results.resolve("results.json"));
            return 1;
        }
        if (ownJvm.getAsBoolean()) {
            return inOwnJvm(out, err);
        }
        LabAssignment assignment;
        try {
            assignment = Assignments.load().require(lab);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        GradeReport report;
        if (impl == Impl.reference) {
            if (!assignment.hasReference()) {
                err.println("error: reference solutions are not part of the student edition; grade your own code with --impl student");
                return 1;
            }
            report = Grader.grade(assignment, "reference", assignment.reference(), timeoutSeconds);
        } else {
            StudentCompiler compiler = new StudentCompiler(studentDir != null ? studentDir : SourceTree.studentFolder());
            out.println("compiling " + compiler.labFolder(assignment) + " ...");
            out.flush();
            StudentBuild build = compiler.build(assignment);
            if (build instanceof StudentBuild.Ready ready) {
                report = Grader.grade(assignment, "student", ready.factory(), timeoutSeconds);
            } else {
                StudentBuild.Failed failed = (StudentBuild.Failed) build;
                err.println("error: " + failed.summary());
                err.flush();
                report = Grader.zero(assignment, "student", failed.messages());
            }
        }
        report.print(out);
        try {
            report.writeResults(results);
        } catch (IOException e) {
            err.println("error: cannot write " + results + " (" + FileErrors.why(e) + "); give another file with --results");
            return 1;
        }
        out.println(String.format(Locale.ROOT, "score %s of %s; results written to %s", fmt(report.score()), fmt(report.maxScore()), results));
        out.flush();
        return 0;
    }

    /** Runs this same command in a child JVM and relays what it prints; its exit code is ours. */
    private int inOwnJvm(PrintWriter out, PrintWriter err) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                GradeCommand.class.getName(), lab, "--impl", impl.name(), "--results", results.toAbsolutePath().toString(),
                "--timeout", Integer.toString(timeoutSeconds)));
        if (studentDir != null) {
            command.add("--student-dir");
            command.add(studentDir.toAbsolutePath().toString());
        }
        Process child = new ProcessBuilder(command).start();
        Thread errors = new Thread(() -> relay(child.getErrorStream(), err), "grade-stderr");
        errors.setDaemon(true);
        errors.start();
        relay(child.getInputStream(), out);
        try {
            int code = child.waitFor();
            errors.join();
            return code;
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            err.println("error: grading was interrupted; run `grade " + lab + "` again");
            return 1;
        }
    }

    private static void relay(InputStream from, PrintWriter to) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            to.println("error: lost the grader's output: " + e.getMessage());
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * Standalone: {@code java -cp p2plab.jar p2plab.labs.grading.GradeCommand napster}. Exits
     * explicitly, so a student thread stuck in an endless loop cannot keep the JVM alive.
     */
    public static void main(String[] args) {
        p2plab.labs.console.LogLines.install(new PrintWriter(System.err, true), false);
        System.exit(new CommandLine(new GradeCommand()).execute(args));
    }
}
