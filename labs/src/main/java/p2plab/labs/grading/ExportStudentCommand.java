package p2plab.labs.grading;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import p2plab.labs.console.FileErrors;

/** {@code p2plab export-student DIR}: writes the student edition of the source tree to DIR. */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        description = {"Write a copy of the source tree without the reference solutions, to hand out.",
            "Everything in it compiles; each lab's graded tests score 0 until the student writes the code."})
public final class ExportStudentCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a new or empty folder")
    Path target;

    @Option(names = "--from", paramLabel = "TREE",
            description = "the source tree to copy (default: found upwards from the working directory)")
    Path from;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path tree = from != null ? from : SourceTree.find(Path.of("")).orElse(null);
        if (tree == null) {
            err.println("error: no P2P Lab source tree here: run export-student inside the repository, or give --from TREE");
            return 1;
        }
        int files;
        try {
            files = StudentEdition.export(tree, target);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot write the student edition to " + target + " (" + FileErrors.why(e) + "); give a new or empty folder you may write to");
            return 1;
        }
        out.println("student edition written to " + target.toAbsolutePath().normalize() + " (" + files + " files)");
        out.println("left out: reference solutions, the hidden graded tests, the instructors' lab tests, docs/labs/instructors.md, target*/ and .git");
        out.println("build it with `mvn -q package -DskipTests`, then `./p2plab grade napster` scores the stubs 0");
        out.flush();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExportStudentCommand()).execute(args));
    }
}
