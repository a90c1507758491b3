package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.metrics.Json;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * The standalone commands make a real swarm on loopback: a tracker and a seed started from the
 * shell, and `get` fetches a few MiB byte for byte, resumes when run again, and after `seed stop`
 * and `tracker stop` (or `quit`) no port they used accepts connections.
 */
@Timeout(120)
class StandaloneSwarmTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/announce");
    private static final Pattern SEED_ADDRESS = Pattern.compile(" on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    private Shell shell;

    @AfterEach
    void closeEverything() {
        if (shell != null) {
            TorrentJobs.of(shell.lab).closeAll();
        }
    }

    @Test
    void trackerSeedAndGetMoveAFileByteForByteThenEveryPortCloses() throws Exception {
        shell = new Shell();
        byte[] data = randomBytes(3 * 1024 * 1024 + 12345, 7);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("movie.bin"), data);

        Shell.Result tracker = shell.ok("tracker --port 0 --interval 30 --background");
        String url = match(URL, tracker.out(), 0);
        int trackerPort = Integer.parseInt(match(URL, tracker.out(), 1));
        Path torrent = tmp.resolve("movie.torrent");
        shell.ok("torrent create " + src.resolve("movie.bin") + " --tracker " + url + " --out " + torrent);
        Shell.Result seed = shell.ok("seed " + torrent + " " + src + " --port 0 --background");
        int seedPort = Integer.parseInt(match(SEED_ADDRESS, seed.out(), 1));
        assertTrue(shell.ok("seed list").out().contains("movie.bin"), "seed list names the torrent");

        Path out = tmp.resolve("out");
        Shell.Result get = shell.ok("get " + torrent + " --dir " + out + " --timeout 90 --json");
        JsonNode r = Json.mapper().readTree(get.out());
        assertTrue(r.get("complete").asBoolean(), get.out());
        assertEquals(data.length, r.get("bytes").asLong());
        assertTrue(r.get("sources").size() >= 1, get.out());
        assertTrue(r.get("sources").get(0).get("peer").asText().matches("-PL0100-.* \\(p2plab\\)"), get.out());
        assertArrayEquals(data, Files.readAllBytes(out.resolve("movie.bin")), "the copy differs from the original");

        Shell.Result again = shell.ok("get " + torrent + " --dir " + out + " --timeout 60");
        assertTrue(again.out().contains("already complete"), "a second get only re-checks: " + again.out());

        assertTrue(shell.ok("seed stop").out().contains("stopped seeding movie.bin"));
        assertTrue(shell.ok("tracker stop " + trackerPort).out().contains("stopped the tracker"));
        assertClosed(seedPort);
        assertClosed(trackerPort);
        assertTrue(shell.ok("tracker list").out().contains("no tracker is running"));
    }

    @Test
    void aFolderTorrentArrivesFileByFile() throws Exception {
        shell = new Shell();
        Path album = Files.createDirectories(tmp.resolve("src/album/disc1"));
        byte[] a = randomBytes(300_000, 21);
        byte[] b = randomBytes(123_456, 22);
        Files.write(album.resolve("a.flac"), a);
        Files.write(album.getParent().resolve("cover.jpg"), b);
        String url = match(URL, shell.ok("tracker --port 0 --background").out(), 0);
        Path torrent = tmp.resolve("album.torrent");
        shell.ok("torrent create " + album.getParent() + " --tracker " + url + " --piece-length 32KiB --out " + torrent);
        shell.ok("seed " + torrent + " " + tmp.resolve("src") + " --port 0 --background"); // the folder that holds it

        Path out = tmp.resolve("out");
        String got = shell.ok("get " + torrent + " --dir " + out + " --timeout 60").out();
        assertTrue(got.contains("downloaded album"), got);
        assertTrue(got.contains("sources: 1 "), got);
        assertArrayEquals(a, Files.readAllBytes(out.resolve("album/disc1/a.flac")));
        assertArrayEquals(b, Files.readAllBytes(out.resolve("album/cover.jpg")));
    }

    @Test
    void withoutASeedGetGivesUpWithWhatToCheck() throws Exception {
        shell = new Shell();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("lonely.bin"), randomBytes(40_000, 5));
        String url = match(URL, shell.ok("tracker --port 0 --background").out(), 0);
        Path torrent = tmp.resolve("lonely.torrent");
        shell.ok("torrent create " + src.resolve("lonely.bin") + " --tracker " + url + " --out " + torrent);
        String e = shell.fails("get " + torrent + " --dir " + tmp.resolve("out") + " --timeout 20 --time-scale 10");
        assertTrue(e.contains("did not finish within 20 s") && e.contains("is a seed running"), e);

        int deadPort;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            deadPort = probe.getLocalPort();
        }
        Path orphan = tmp.resolve("orphan.torrent");
        shell.ok("torrent create " + src.resolve("lonely.bin") + " --tracker http://127.0.0.1:" + deadPort + "/announce --out " + orphan);
        e = shell.fails("get " + orphan + " --dir " + tmp.resolve("out") + " --time-scale 10");
        assertTrue(e.contains("did not answer") && e.contains("start it"), e);
    }

    @Test
    void quitClosesTrackerAndSeed() throws Exception {
        shell = new Shell();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("a.txt"), randomBytes(50_000, 3));
        String url = match(URL, shell.ok("tracker --port 0 --background").out(), 0);
        int trackerPort = Integer.parseInt(match(URL, url, 1));
        Path torrent = tmp.resolve("a.torrent");
        shell.ok("torrent create " + src.resolve("a.txt") + " --tracker " + url + " --out " + torrent);
        int seedPort = Integer.parseInt(match(SEED_ADDRESS, shell.ok("seed " + torrent + " " + src.resolve("a.txt")
                + " --port 0 --background").out(), 1));
        assertOpen(trackerPort);
        assertOpen(seedPort);
        shell.ok("quit");
        assertClosedWithin(trackerPort, 10_000);
        assertClosedWithin(seedPort, 10_000);
    }

    @Test
    void foregroundTrackerBlocksUntilStopped() throws Exception {
        shell = new Shell();
        Commands second = new Commands(shell.lab); // a command tree of its own for the other thread
        Thread runner = new Thread(() -> second.execute(List.of("tracker", "--port", "0")));
        runner.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (TorrentJobs.of(shell.lab).list("tracker").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(runner.isAlive(), "from the system shell the tracker keeps running");
        int port = Integer.parseInt(match(Pattern.compile(":(\\d+)$"), TorrentJobs.of(shell.lab).list("tracker").get(0).name, 1));
        assertOpen(port);
        shell.ok("tracker stop");
        runner.join(20_000);
        assertTrue(!runner.isAlive(), "tracker stop ends the foreground tracker");
        assertTrue(shell.out.toString().contains("tracker stopped; port " + port + " closed"), shell.out.toString());
        assertClosed(port);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String match(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            fail("no " + p + " in: " + text);
        }
        return m.group(group);
    }

    static void assertOpen(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }

    static void assertClosed(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            fail("port " + port + " still accepts connections");
        } catch (IOException expected) {
            // refused: closed
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            fail("port " + port + " cannot be bound again: " + e.getMessage());
        }
    }

    static void assertClosedWithin(int port, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException closed) {
                return;
            }
            Thread.sleep(50);
        }
        fail("port " + port + " still accepts connections after " + millis + " ms");
    }

    /** One session, driven like the p2plab shell: a line in, the exit code and what was printed out. */
    static final class Shell {
        final Lab lab;
        final StringWriter err = new StringWriter();
        final Commands commands;

        final StringWriter out = new StringWriter();

        Shell() {
            Console console = Console.plain(new PrintWriter(out, true), new PrintWriter(err, true));
            this.lab = new Lab(Overlays.discover(), console);
            this.commands = new Commands(lab);
        }

        record Result(int code, String out, String err) {
        }

        /** Runs one line (words split at spaces: keep paths free of them). */
        Result run(String line) {
            int outAt = out.getBuffer().length();
            int errAt = err.getBuffer().length();
            List<String> words = Arrays.stream(line.trim().split("\\s+")).toList();
            int code = commands.execute(words);
            return new Result(code, out.getBuffer().substring(outAt), err.getBuffer().substring(errAt));
        }

        Result ok(String line) {
            Result r = run(line);
            assertEquals(0, r.code(), "`" + line + "` failed: " + r.err() + r.out());
            return r;
        }

        /** A command that must fail with exactly one line on stderr, never a stack trace. */
        String fails(String line) {
            Result r = run(line);
            assertTrue(r.code() != 0, "`" + line + "` should fail but printed: " + r.out());
            String e = r.err().strip();
            assertTrue(e.startsWith("error: "), "`" + line + "`: " + r.err());
            assertEquals(1, e.lines().count(), "`" + line + "` printed more than one line: " + r.err());
            assertTrue(!e.contains("Exception") && !e.contains("internal error") && !e.contains("\tat "),
                    "`" + line + "` leaked an internal error: " + e);
            return e;
        }

        /** Like {@link #fails}, and the line says {@code what}. */
        void failsWith(String line, String what) {
            String e = fails(line);
            assertTrue(e.contains(what), "`" + line + "` should say '" + what + "' but said: " + e);
        }
    }
}
