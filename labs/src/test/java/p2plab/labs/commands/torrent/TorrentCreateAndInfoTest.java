package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.metrics.Json;

/** `torrent create` writes a .torrent that `torrent info` and the library read back with the same info hash. */
class TorrentCreateAndInfoTest {

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @Test
    void singleFileRoundTrip() throws Exception {
        Path file = tmp.resolve("song.mp3");
        Files.write(file, StandaloneSwarmTest.randomBytes(100_000, 1));
        Path torrent = tmp.resolve("song.torrent");

        String created = shell.ok("torrent create " + file + " --tracker http://127.0.0.1:6969/announce --piece-length 16KiB --out " + torrent).out();
        Metainfo meta = Torrents.read(torrent);
        assertEquals(sha1Hex(meta.infoBytes()), meta.infoHashHex());
        assertTrue(created.contains("info hash " + meta.infoHashHex()), created);
        assertTrue(created.contains("magnet:?xt=urn:btih:" + meta.infoHashHex()), created);
        assertEquals("song.mp3", meta.name());
        assertEquals(100_000, meta.totalLength());
        assertEquals(16 * 1024, meta.pieceLength());
        assertEquals(7, meta.pieceCount()); // ceil(100000 / 16384)
        assertFalse(meta.multiFile());
        assertEquals("http://127.0.0.1:6969/announce", meta.announce());

        String info = shell.ok("torrent info " + torrent).out();
        assertTrue(info.contains("info hash   " + meta.infoHashHex()), info);
        assertTrue(info.contains("7 of 16 KiB"), info);
        assertTrue(info.contains("http://127.0.0.1:6969/announce"), info);

        JsonNode json = Json.mapper().readTree(shell.ok("torrent info --json " + torrent).out());
        assertEquals(meta.infoHashHex(), json.get("infoHash").asText());
        assertEquals(100_000, json.get("bytes").asLong());
        assertEquals(7, json.get("pieces").asInt());
    }

    @Test
    void folderRoundTripListsEveryFile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("album"));
        Files.createDirectories(folder.resolve("disc1"));
        Files.write(folder.resolve("disc1/a.flac"), StandaloneSwarmTest.randomBytes(40_000, 2));
        Files.write(folder.resolve("cover.jpg"), StandaloneSwarmTest.randomBytes(5_000, 3));
        Path outDir = Files.createDirectories(tmp.resolve("torrents"));

        shell.ok("torrent create " + folder + " --out " + outDir); // a folder as --out: <name>.torrent inside it
        Path torrent = outDir.resolve("album.torrent");
        Metainfo meta = Torrents.read(torrent);
        assertTrue(meta.multiFile());
        assertEquals(2, meta.files().size());
        assertEquals(45_000, meta.totalLength());
        assertEquals(Torrents.DEFAULT_PIECE_LENGTH, meta.pieceLength());
        assertEquals(sha1Hex(meta.infoBytes()), meta.infoHashHex());

        String info = shell.ok("torrent info " + torrent).out();
        assertTrue(info.contains("info hash   " + meta.infoHashHex()), info);
        assertTrue(info.contains("disc1/a.flac"), info);
        assertTrue(info.contains("cover.jpg"), info);
        assertTrue(info.contains("trackerless"), info);

        JsonNode json = Json.mapper().readTree(shell.ok("torrent info " + torrent + " --json").out());
        assertEquals(2, json.get("files").size());
        assertTrue(json.get("multiFile").asBoolean());
    }

    @Test
    void sameDataSameInfoHash() throws Exception {
        Path file = tmp.resolve("x.bin");
        Files.write(file, StandaloneSwarmTest.randomBytes(70_000, 9));
        shell.ok("torrent create " + file + " --out " + tmp.resolve("one.torrent"));
        shell.ok("torrent create " + file + " --out " + tmp.resolve("two.torrent"));
        assertEquals(Torrents.read(tmp.resolve("one.torrent")).infoHashHex(), Torrents.read(tmp.resolve("two.torrent")).infoHashHex());
    }

    private static String sha1Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
