package p2plab.labs.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import p2plab.labs.Run;

/**
 * Every lab handout's "Try it in the shell" block runs as written, with the reference solution
 * in place of the student's, and every result the handout quotes (`hits: ...`) is what the shell
 * prints. A handout whose example stops working, or whose quoted figures drift, fails here.
 */
class HandoutShellExamplesTest {
    static final Path LABS = Path.of("..", "docs", "labs");
    private static final Pattern QUOTED_RESULT = Pattern.compile("`(hits: [^`]+)`");

    static Stream<Path> handouts() throws IOException {
        try (Stream<Path> s = Files.list(LABS)) {
            List<Path> labs = s.filter(p -> p.getFileName().toString().matches("lab\\d.*\\.md")).sorted().toList();
            assertTrue(labs.size() >= 6, "handouts found in " + LABS.toAbsolutePath() + ": " + labs);
            return labs.stream().filter(p -> !example(p).isEmpty());
        }
    }

    /** The lines of the code block under "## Try it in the shell", or nothing if the handout has none. */
    static List<String> example(Path handout) {
        try {
            List<String> lines = Files.readAllLines(handout);
            int heading = lines.indexOf("## Try it in the shell");
            if (heading < 0) {
                return List.of();
            }
            int open = heading + 1;
            while (!lines.get(open).startsWith("```")) {
                open++;
            }
            List<String> block = new ArrayList<>();
            for (int i = open + 1; !lines.get(i).startsWith("```"); i++) {
                block.add(lines.get(i));
            }
            return block;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("handouts")
    void theShellExampleRunsAndPrintsWhatTheHandoutQuotes(Path handout, @TempDir Path dir) throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(17).nextBytes(data);
        Path file = Files.write(dir.resolve("some-file.iso"), data); // the file lab 4 and lab 5 share
        String script = String.join("\n", example(handout))
                .replace("--impl student", "--impl reference")
                .replace("./some-file.iso", file.toString());
        Run r = Run.script(script);
        assertEquals("", r.err(), handout + " printed errors");
        assertEquals(0, r.code(), handout.toString());
        Matcher quoted = QUOTED_RESULT.matcher(Files.readString(handout));
        while (quoted.find()) {
            assertTrue(r.out().contains(quoted.group(1)), handout + " quotes '" + quoted.group(1) + "', the shell printed:\n" + r.out());
        }
        assertFalse(r.out().contains("internal error"), r.out());
    }
}
