package p2plab.labs.commands.torrent;

import p2plab.common.testing.MissingProgram;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client, aria2, downloads from `p2plab seed` through `p2plab tracker`, both started as a
 * student would in the shell; and `p2plab get` downloads from an aria2 seed. Skipped, naming the
 * Debian package, when aria2c is not installed; under {@code CI=true} (which installs it) that fails.
 */
@Timeout(120)
class StandaloneAria2Test {

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @AfterEach
    void closeEverything() {
        TorrentJobs.of(shell.lab).closeAll();
    }

    @Test
    void aria2DownloadsFromOurSeedThroughOurTracker() throws Exception {
        String aria2 = onPath("aria2c");
        byte[] data = StandaloneSwarmTest.randomBytes(2 * 1024 * 1024 + 777, 11);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("lecture.mp4"), data);

        String url = StandaloneSwarmTest.match(Pattern.compile("http://127\\.0\\.0\\.1:\\d+/announce"),
                shell.ok("tracker --port 0 --interval 20 --background").out(), 0);
        Path torrent = tmp.resolve("lecture.torrent");
        shell.ok("torrent create " + src.resolve("lecture.mp4") + " --tracker " + url + " --out " + torrent);
        shell.ok("seed " + torrent + " " + src.resolve("lecture.mp4") + " --port 0 --background");

        Path out = Files.createDirectories(tmp.resolve("aria2"));
        List<String> cmd = new ArrayList<>(List.of(aria2, "--interface=127.0.0.1", "--disable-ipv6=true", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--file-allocation=none", "--allow-overwrite=true",
                "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true", "--seed-time=0",
                "--listen-port=" + portRange(), "--dir=" + out, torrent.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("aria2.log").toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                fail("aria2 did not finish within 90 s: " + log());
            }
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "aria2 failed: " + log());
        assertArrayEquals(data, Files.readAllBytes(out.resolve("lecture.mp4")), "aria2's copy differs from the seed's file");
        assertTrue(shell.ok("seed stop lecture.mp4").out().contains("stopped seeding"));
    }

    @Test
    void getDownloadsFromAnAria2SeedThroughOurTracker() throws Exception {
        String aria2 = onPath("aria2c");
        byte[] data = StandaloneSwarmTest.randomBytes(1024 * 1024 + 4321, 12);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("notes.pdf"), data);
        String url = StandaloneSwarmTest.match(Pattern.compile("http://127\\.0\\.0\\.1:\\d+/announce"),
                shell.ok("tracker --port 0 --interval 20 --background").out(), 0);
        Path torrent = tmp.resolve("notes.torrent");
        shell.ok("torrent create " + src.resolve("notes.pdf") + " --tracker " + url + " --out " + torrent);

        List<String> cmd = new ArrayList<>(List.of(aria2, "--interface=127.0.0.1", "--disable-ipv6=true", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--file-allocation=none", "--allow-overwrite=true",
                "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true", "--check-integrity=true",
                "--bt-hash-check-seed=true", "--seed-ratio=0.0", "--listen-port=" + portRange(), "--dir=" + src, torrent.toString()));
        Process seed = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("aria2.log").toFile()).start();
        try {
            Path out = tmp.resolve("out");
            String got = shell.ok("get " + torrent + " --dir " + out + " --timeout 90 --json").out();
            assertTrue(got.contains("(aria2)\""), "the bytes should come from aria2: " + got + log());
            assertArrayEquals(data, Files.readAllBytes(out.resolve("notes.pdf")), "our copy differs from aria2's file");
        } finally {
            seed.destroy();
            if (!seed.waitFor(10, TimeUnit.SECONDS)) {
                seed.destroyForcibly();
            }
        }
    }

    private String log() throws IOException {
        Path log = tmp.resolve("aria2.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }

    /** The path of {@code tool} (aria2c), or a skip naming the aria2 package (a failure under CI=true). */
    static String onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        MissingProgram.skipOrFail(tool + " is not installed", "aria2");
        return null;
    }

    /** A range for aria2's --listen-port: it takes the first free port, so no pick-then-bind race. */
    private static String portRange() {
        int start = 20000 + ThreadLocalRandom.current().nextInt(40000);
        return start + "-" + (start + 99);
    }
}
