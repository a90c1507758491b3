package p2plab.bittorrent.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.bencode.Bencode;
import p2plab.common.bencode.BencodeException;
import p2plab.common.content.BytesContent;
import p2plab.common.content.Digests;

class MetainfoTest {

    @TempDir
    Path dir;

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void singleFileTorrentHashesEveryPiece() throws Exception {
        byte[] data = random(600_000, 1);
        Path f = dir.resolve("movie.bin");
        Files.write(f, data);
        Metainfo m = Torrents.create(f, "http://127.0.0.1:6969/announce", Torrents.DEFAULT_PIECE_LENGTH);
        assertEquals("movie.bin", m.name());
        assertEquals(600_000, m.totalLength());
        assertEquals(3, m.pieceCount());
        assertEquals(600_000 - 2 * 262_144, m.pieceSize(2));
        assertArrayEquals(Digests.sha1(java.util.Arrays.copyOfRange(data, 262_144, 524_288)), m.pieceHash(1));
        assertFalse(m.multiFile());
        // info hash: SHA-1 of the info dictionary as it sits in the file
        byte[] file = m.toBytes();
        assertArrayEquals(Digests.sha1(Bencode.rawValue(file, "info")), m.infoHash());
        Metainfo again = Metainfo.parse(file);
        assertArrayEquals(m.infoHash(), again.infoHash());
        assertEquals("http://127.0.0.1:6969/announce", again.announce());
    }

    @Test
    void sameBytesGiveSameInfoHashFromFileOrContent() throws Exception {
        byte[] data = random(100_000, 2);
        Path f = dir.resolve("a.bin");
        Files.write(f, data);
        assertArrayEquals(Torrents.create(f, null, 16384).infoHash(),
                Torrents.of(new BytesContent("a.bin", data), null, 16384).infoHash());
    }

    @Test
    void folderBecomesMultiFileTorrentWithPiecesAcrossFiles() throws Exception {
        Path root = dir.resolve("album");
        Files.createDirectories(root.resolve("cd1"));
        byte[] a = random(20_000, 3);
        byte[] b = random(30_000, 4);
        Files.write(root.resolve("cd1/track1.ogg"), a);
        Files.write(root.resolve("notes.txt"), b);
        Metainfo m = Torrents.create(root, null, 16384);
        assertTrue(m.multiFile());
        assertEquals(List.of(List.of("cd1", "track1.ogg"), List.of("notes.txt")), m.files().stream().map(FileEntry::path).toList());
        assertEquals(20_000, m.files().get(1).offset());
        byte[] all = new byte[50_000];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        assertArrayEquals(Digests.sha1(java.util.Arrays.copyOfRange(all, 16384, 32768)), m.pieceHash(1));
        assertEquals(m.infoHashHex(), Metainfo.parse(m.toBytes()).infoHashHex());
    }

    @Test
    void magnetCarriesHashNameTrackerAndLength() {
        Metainfo m = Torrents.of(new BytesContent("my file.txt", new byte[10]), "http://127.0.0.1:6969/announce", 16384);
        String magnet = m.magnet();
        assertTrue(magnet.startsWith("magnet:?xt=urn:btih:" + m.infoHashHex()), magnet);
        assertEquals("magnet:?xt=urn:btih:" + m.infoHashHex() + "&dn=my%20file.txt&xl=10&tr=http://127.0.0.1:6969/announce", magnet);
        MagnetLink back = MagnetLink.parse(magnet);
        assertEquals("my file.txt", back.name());
        assertEquals(List.of("http://127.0.0.1:6969/announce"), back.trackers());
        assertEquals(10, back.exactLength());
    }

    @Test
    void brokenTorrentsAreRefusedWithAReason() {
        assertThrows(BencodeException.class, () -> Metainfo.parse("d8:announce1:xe".getBytes()));
        BencodeException e = assertThrows(BencodeException.class,
                () -> Metainfo.parse("d4:infod6:lengthi100e4:name1:x12:piece lengthi16384e6:pieces3:abcee".getBytes()));
        assertTrue(e.getMessage().contains("multiple of 20"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metainfo.parse(
                "d4:infod5:filesld6:lengthi1e4:pathl2:..eee4:name1:x12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee".getBytes()));
    }

    @Test
    void readsATorrentMadeByMktorrent() throws Exception {
        byte[] data = random(700_000, 5);
        Path f = dir.resolve("real.bin");
        Files.write(f, data);
        Path out = dir.resolve("real.torrent");
        Process p = new ProcessBuilder("mktorrent", "-a", "http://127.0.0.1:6969/announce", "-l", "18", "-o", out.toString(), f.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "mktorrent hung");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        Metainfo theirs = Torrents.read(out);
        Metainfo ours = Torrents.create(f, "http://127.0.0.1:6969/announce", 1 << 18);
        assertEquals("real.bin", theirs.name());
        assertEquals(1 << 18, theirs.pieceLength());
        assertArrayEquals(ours.pieceHashes(), theirs.pieceHashes());
        assertArrayEquals(Digests.sha1(Bencode.rawValue(Files.readAllBytes(out), "info")), theirs.infoHash());
        assertEquals("http://127.0.0.1:6969/announce", theirs.announce());
    }
}
