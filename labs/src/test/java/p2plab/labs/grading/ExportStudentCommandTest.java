package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code p2plab export-student DIR} with a DIR it cannot use: one line that says what to give instead. */
class ExportStudentCommandTest {
    static final Path TREE = SourceTree.find(Path.of("")).orElseThrow();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int export(String... args) {
        CommandLine cl = new CommandLine(new ExportStudentCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aFileIsNotAFolderToExportInto(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals(1, export(file.toString(), "--from", TREE.toString()));
        assertEquals("error: " + file + " is a file: export into a new or empty folder", err.toString().strip());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFolderThatCannotBeMadeIsOneLineNotAnInternalError(@TempDir Path dir) throws Exception {
        Path below = Files.writeString(dir.resolve("notes.txt"), "mine").resolve("edition");
        assertEquals(1, export(below.toString(), "--from", TREE.toString()));
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertEquals(true, e.startsWith("error: cannot write the student edition to " + below + " ("), e);
        assertEquals(true, e.endsWith("); give a new or empty folder you may write to"), e);
    }
}
