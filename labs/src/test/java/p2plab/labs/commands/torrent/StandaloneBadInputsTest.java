package p2plab.labs.commands.torrent;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake with the standalone BitTorrent commands is one line that says what to do: a
 * missing path, a corrupt .torrent, a busy port, a bad URL, data that is not the torrent's.
 */
@Timeout(60)
class StandaloneBadInputsTest {

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @AfterEach
    void closeEverything() {
        TorrentJobs.of(shell.lab).closeAll();
    }

    @Test
    void missingPathsAndCorruptTorrentsAreOneLine() throws Exception {
        Path nothing = tmp.resolve("nothing-here");
        shell.failsWith("torrent create " + nothing, "no such file or folder");
        shell.failsWith("torrent info " + nothing, "no such .torrent");
        shell.failsWith("get " + nothing + " --dir " + tmp, "no such .torrent");
        shell.failsWith("seed " + nothing + " " + tmp, "no such .torrent");
        shell.failsWith("torrent info " + tmp, "is a folder");

        Path corrupt = tmp.resolve("corrupt.torrent");
        Files.writeString(corrupt, "d8:announce5:http:4:infod4:name");
        shell.failsWith("torrent info " + corrupt, "cannot use " + corrupt + " as a torrent");
        shell.failsWith("get " + corrupt + " --dir " + tmp, "torrent create");
        Path notBencode = tmp.resolve("photo.torrent");
        Files.write(notBencode, StandaloneSwarmTest.randomBytes(500, 4));
        shell.fails("torrent info " + notBencode);
        Files.write(tmp.resolve("empty.torrent"), new byte[0]);
        shell.fails("torrent info " + tmp.resolve("empty.torrent"));

        Path emptyFolder = Files.createDirectories(tmp.resolve("empty"));
        shell.fails("torrent create " + emptyFolder);
        shell.fails("torrent");
        shell.fails("seed");
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        Path file = tmp.resolve("f.bin");
        Files.write(file, StandaloneSwarmTest.randomBytes(20_000, 5));
        shell.failsWith("torrent create " + file + " --tracker ftp://127.0.0.1/announce", "bad tracker URL");
        shell.failsWith("torrent create " + file + " --tracker 127.0.0.1:6969/announce", "bad tracker URL");
        shell.failsWith("torrent create " + file + " --tracker http://", "bad tracker URL");
        shell.failsWith("torrent create " + file + " --piece-length 12", "--piece-length");
        shell.failsWith("torrent create " + file + " --piece-length lots", "--piece-length");
        shell.failsWith("tracker --port 70000", "--port");
        shell.failsWith("tracker --port 0 --time-scale 0", "--time-scale");
        shell.failsWith("tracker --port 0 --bind 192.0.2.123", "cannot listen");
        shell.failsWith("tracker stop", "no tracker is running");
        shell.failsWith("seed stop nothing", "no seed is running");

        Path torrent = tmp.resolve("f.torrent");
        shell.ok("torrent create " + file + " --out " + torrent);
        shell.failsWith("get " + torrent + " --dir " + tmp.resolve("o"), "names no tracker");
    }

    @Test
    void wrongDataIsRefusedBeforeSeeding() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path file = src.resolve("f.bin");
        Files.write(file, StandaloneSwarmTest.randomBytes(20_000, 6));
        Path torrent = tmp.resolve("f.torrent");
        shell.ok("torrent create " + file + " --tracker http://127.0.0.1:1/announce --out " + torrent);
        shell.failsWith("seed " + torrent + " " + tmp.resolve("missing"), "no such file or folder");
        shell.failsWith("seed " + torrent + " " + tmp, "is not the data of this torrent");
        Files.write(file, StandaloneSwarmTest.randomBytes(10_000, 6));
        shell.failsWith("seed " + torrent + " " + src + " --port 0", "expects 20000 bytes");
    }

    @Test
    void aBusyPortSaysPickAnother() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("f.bin"), StandaloneSwarmTest.randomBytes(20_000, 8));
        Path torrent = tmp.resolve("f.torrent");
        shell.ok("torrent create " + src.resolve("f.bin") + " --tracker http://127.0.0.1:1/announce --out " + torrent);
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = busy.getLocalPort();
            shell.failsWith("tracker --port " + port + " --background", "port " + port + " on 127.0.0.1 is in use");
            shell.failsWith("seed " + torrent + " " + src + " --port " + port + " --background", "--port 0");
            shell.failsWith("get " + torrent + " --dir " + tmp.resolve("o") + " --port " + port, "is in use");
        }
        // a tracker started on a free port, then a second on the same port
        String out = shell.ok("tracker --port 0 --background").out();
        String port = StandaloneSwarmTest.match(java.util.regex.Pattern.compile(":(\\d+)/announce"), out, 1);
        shell.failsWith("tracker --port " + port + " --background", "is in use");
        shell.ok("tracker stop");
    }
}
