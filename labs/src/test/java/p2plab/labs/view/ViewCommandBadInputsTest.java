package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.labs.Run;

/** Each mistake with `view` gets one line saying what to do, and no server is left running. */
class ViewCommandBadInputsTest {

    @Test
    void badOptionsGetOneLineEach(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Path binary = Files.write(dir.resolve("photo.jsonl"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n'});
        Path huge = dir.resolve("huge.jsonl");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(300L << 20); // sparse: costs no disk, and reading it would cost 300 MiB of heap
        }
        String[][] cases = {
            {"view --port 70000", "--port must be between 0 and 65535"},
            {"view --bind projector.local", "--bind: unknown address 'projector.local'; give an IP address"},
            {"view --replay " + dir.resolve("missing.jsonl"), "--replay: no such file"},
            {"view --replay " + notJson, "is not a recording"},
            {"view --replay " + huge, "--replay: " + huge + " is 300 MiB; a recording of at most 256 MiB can be replayed"},
            {"view --replay " + dir, "--replay: " + dir + " is not a file"},
            {"view --replay " + binary, binary + " is not a recording (one JSON object a line, from `view --record`)"},
            {"view --record " + dir, "--record: " + dir + " is a folder; give a file name, e.g. " + dir.resolve("view.jsonl")},
            {"view --record " + dir.resolve("no/such/view.jsonl"), "--record: cannot write " + dir.resolve("no/such/view.jsonl")
                    + ": its folder does not exist; create it or give another file"},
            {"view --record a.jsonl --replay b.jsonl", "give --record or --replay, not both"},
        };
        for (String[] c : cases) {
            Run r = Run.of(c[0].split(" "));
            assertEquals(1, r.code(), c[0]);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[1]), c[0] + " -> " + r.err());
        }
        assertEquals(2, Run.of("view", "--port", "many").code(), "a usage error exits 2");
    }
}
