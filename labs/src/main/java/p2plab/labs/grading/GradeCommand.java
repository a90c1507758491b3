package p2plab.labs.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2plab grade <lab> [--impl student|reference] [--results FILE]}: runs a lab's graded
 * tests, prints the score table and writes Gradescope's {@code results.json}. The exit code is 0
 * whatever the score (a grade is not an error); only a wrong command line or a missing lab fails.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Run a lab's graded tests and write Gradescope's results.json.",
            "Labs: napster, gnutella, kazaa, picker, choker, distribution (or 1-6)."})
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

    @Option(names = "--student-dir", paramLabel = "DIR",
            description = "the student/ folder (default: student/ of the source tree around the working directory)")
    Path studentDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
            report = Grader.grade(assignment, "reference", assignment.reference());
        } else {
            StudentCompiler compiler = new StudentCompiler(studentDir != null ? studentDir : SourceTree.studentFolder());
            out.println("compiling " + compiler.labFolder(assignment) + " ...");
            out.flush();
            StudentBuild build = compiler.build(assignment);
            if (build instanceof StudentBuild.Ready ready) {
                report = Grader.grade(assignment, "student", ready.factory());
            } else {
                StudentBuild.Failed failed = (StudentBuild.Failed) build;
                err.println("error: " + failed.summary());
                err.flush();
                report = Grader.zero(assignment, "student", failed.messages());
            }
        }
        report.print(out);
        report.writeResults(results);
        out.println(String.format(Locale.ROOT, "score %s of %s; results written to %s", fmt(report.score()), fmt(report.maxScore()), results));
        out.flush();
        return 0;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * Standalone: {@code java -cp p2plab.jar p2plab.labs.grading.GradeCommand napster}. Exits
     * explicitly, so a student thread stuck in an endless loop cannot keep the JVM alive.
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradeCommand()).execute(args));
    }
}
