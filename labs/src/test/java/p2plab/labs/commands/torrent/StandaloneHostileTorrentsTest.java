package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.bencode.Bencode;

/**
 * Torrents made to hurt: a tracker URL that is a local file, names with NULs, "..", ANSI escape
 * sequences. `get` refuses them in one line at once; `torrent info` shows them escaped and says
 * what `get` refuses.
 */
@Timeout(60)
class StandaloneHostileTorrentsTest {

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @AfterEach
    void closeEverything() {
        TorrentJobs.of(shell.lab).closeAll();
    }

    private Path torrent(String file, String announce, String name, List<String> path) throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("piece length", 16384L);
        info.put("pieces", new byte[20]);
        if (path == null) {
            info.put("length", 10L);
        } else {
            info.put("files", List.of(Map.of("length", 10L, "path", path)));
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("announce", announce);
        top.put("info", info);
        return Files.write(tmp.resolve(file), Bencode.encode(top));
    }

    @Test
    void getWithAFileTrackerUrlFailsInOneLineAtOnce() throws Exception {
        Path t = torrent("passwd.torrent", "file:///etc/passwd", "x.bin", null);
        long t0 = System.nanoTime();
        String err = shell.fails("get " + t + " --dir " + tmp.resolve("out"));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "at once, not after a timeout");
        assertTrue(err.contains("not http://") && err.contains("file:///etc/passwd"), err);
        assertFalse(shell.err.toString().contains("Exception"), shell.err.toString());
    }

    @Test
    void infoSaysWhatGetRefusesAndGetRefusesIt() throws Exception {
        Path nul = torrent("nul.torrent", "http://127.0.0.1:1/announce", "album", List.of("a\0b.txt"));
        String info = shell.ok("torrent info " + nul).out();
        assertTrue(info.contains("`get` refuses this torrent: a file path element of 'a\\x00b.txt' contains a NUL byte"), info);
        assertFalse(info.contains("\0"), "no raw NUL printed");
        String err = shell.fails("get " + nul + " --dir " + tmp.resolve("o1"));
        assertTrue(err.contains("contains a NUL byte"), err);

        Path up = torrent("up.torrent", "http://127.0.0.1:1/announce", "..", List.of("a.txt"));
        assertTrue(shell.ok("torrent info " + up).out().contains("`get` refuses this torrent: the torrent's name is '..'"));
        assertTrue(shell.fails("get " + up + " --dir " + tmp.resolve("o2")).contains("the torrent's name is '..'"));
    }

    @Test
    void namesFromTheFileArePrintedEscaped() throws Exception {
        String evil = "\u001b[2J\u001b[31mred\nsecond line\u0007";
        Path t = torrent("ansi.torrent", "http://127.0.0.1:1/announce", evil, List.of("x\u001b[0m.txt"));
        String info = shell.ok("torrent info " + t).out();
        assertFalse(info.contains("\u001b") || info.contains("\u0007"), "no raw escape or bell: " + info);
        assertTrue(info.contains("\\x1b[2J\\x1b[31mred\\x0asecond line\\x07/ (folder)"), info);
        assertTrue(info.contains("x\\x1b[0m.txt"), info);
        assertEquals(8, info.strip().split("\n").length, "name, size, pieces, hash, tracker, files, one file, magnet: " + info);
    }
}
