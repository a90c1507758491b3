package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Torrents;

/** `torrent magnet` prints the magnet link alone, so scripts can pass it on; bad paths get one line. */
class TorrentMagnetTest {

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @Test
    void printsTheLinkAndNothingElse() throws Exception {
        Path file = tmp.resolve("lecture_01.mp4");
        Files.write(file, StandaloneSwarmTest.randomBytes(70_000, 4));
        Path trackerless = tmp.resolve("a.torrent");
        shell.ok("torrent create " + file + " --out " + trackerless);
        String hash = Torrents.read(trackerless).infoHashHex();
        assertEquals("magnet:?xt=urn:btih:" + hash + "&dn=lecture_01.mp4&xl=70000\n", shell.ok("torrent magnet " + trackerless).out());

        Path tracked = tmp.resolve("b.torrent");
        shell.ok("torrent create " + file + " --tracker http://127.0.0.1:6969/announce --out " + tracked);
        String out = shell.ok("torrent magnet " + tracked).out();
        assertEquals(1, out.lines().count(), out);
        MagnetLink link = MagnetLink.parse(out.strip());
        assertEquals(hash, link.infoHashHex(), "the tracker rides along; the info hash does not change");
        assertEquals(List.of("http://127.0.0.1:6969/announce"), link.trackers());
        assertEquals("lecture_01.mp4", link.name());
        assertEquals(70_000, link.exactLength());
    }

    @Test
    void badInputGetsOneLine() throws Exception {
        shell.failsWith("torrent magnet " + tmp.resolve("missing.torrent"), "no such .torrent");
        Files.writeString(tmp.resolve("junk.torrent"), "not bencode");
        shell.failsWith("torrent magnet " + tmp.resolve("junk.torrent"), "make a fresh one with `torrent create`");
        assertEquals(2, shell.run("torrent magnet").code(), "a missing argument is a usage error");
    }
}
