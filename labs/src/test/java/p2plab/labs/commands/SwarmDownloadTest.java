package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/** `download all FILE` and `download 3..10 FILE`: many downloads at once, each peer's outcome at the end. */
class SwarmDownloadTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter w = new PrintWriter(text, true);

    @Test
    void everyPeerButTheHolderDownloadsTheSameBytesAtOnce(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[30_000];
        new Random(5).nextBytes(bytes);
        Path file = dir.resolve("demo.bin");
        Files.write(file, bytes);
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w))) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 11 --upload 100kB/s; share 1 " + file), text.toString());
            assertEquals(0, c.runLine("download all demo.bin"), text.toString());
            String out = text.toString();
            assertTrue(out.contains("10 of 10 peers downloaded 'demo.bin' (29.3 KiB) at once; the last finished after"), out);
            // "verified": the SHA-256 of what each peer received equals the file's, so the copies are byte for byte.
            assertEquals(10, out.lines().filter(l -> l.endsWith("verified")).count(), out);
            // Ten downloads share one 100 kB/s uplink: the last needs about 10 x 30 kB / 100 kB/s = 3 s.
            double last = Double.parseDouble(out.replaceAll("(?s).*the last finished after ([0-9.]+) s.*", "$1"));
            assertTrue(last >= 3.0 && last < 3.5, out);
        }
    }

    @Test
    void aRangeOrAListNamesThePeersAndABadOneSaysHowToWriteIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("song.bin");
        Files.write(file, new byte[5_000]);
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w))) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 8; share 1 " + file), text.toString());
            assertEquals(0, c.runLine("download 3..5 song.bin"), text.toString());
            assertTrue(text.toString().contains("3 of 3 peers downloaded 'song.bin'"), text.toString());
            assertEquals(0, c.runLine("download 6,8 song.bin"), text.toString());
            assertTrue(text.toString().contains("2 of 2 peers downloaded 'song.bin'"), text.toString());
            assertEquals(1, c.runLine("download 5..3 song.bin"));
            assertEquals(1, c.runLine("download 3.. song.bin"));
            assertEquals(0, c.runLine("peer kill 7"));
            assertEquals(1, c.runLine("download 6..7 song.bin"));
            String out = text.toString();
            assertTrue(out.contains("error: the range 5..3 runs backwards; write 3..5"), out);
            assertTrue(out.contains("error: '3..' is not a set of peers; write all, a range such as 3..10, or a list such as 3,5,7"), out);
            assertTrue(out.contains("failed: peer 7 is down"), out);
            assertTrue(out.contains("1 of 2 peers downloaded"), out);
            assertTrue(out.contains("error: 1 of 2 downloads did not complete; see the table above"), out);
        }
    }
}
