package p2plab.bittorrent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.BytesContent;

class StorageTest {
    static final int PIECE = 32 * 1024;

    @TempDir
    Path dir;

    final byte[] data = new byte[PIECE * 3 + 1000];
    final Metainfo meta;

    StorageTest() {
        new Random(9).nextBytes(data);
        meta = Torrents.of(new BytesContent("f.bin", data), null, PIECE);
    }

    private Storage.Outcome send(Storage s, int piece, int block, String from, boolean corrupt) {
        int begin = block * Storage.BLOCK;
        int len = s.blockLength(piece, block);
        byte[] b = Arrays.copyOfRange(data, piece * PIECE + begin, piece * PIECE + begin + len);
        if (corrupt) {
            b[0] ^= 1;
        }
        return s.receive(piece, begin, b, from);
    }

    @Test
    void pieceCountsOnlyAfterItsHashVerifies() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 2);
        assertEquals(Storage.Outcome.STORED, send(s, 1, 0, "a", false));
        assertFalse(s.have().has(1));
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 1, 1, "a", false));
        assertTrue(s.have().has(1));
        assertArrayEquals(Arrays.copyOfRange(data, PIECE, PIECE + 100), s.read(1, 0, 100));
        assertEquals(Storage.Outcome.IGNORED, send(s, 1, 0, "a", false));
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 3, 0, "a", false)); // short last piece, one block
    }

    @Test
    void aPeerSendingBadPiecesIsBannedAfterRepeatedOffences() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 2);
        send(s, 0, 0, "bad", true);
        assertEquals(Storage.Outcome.PIECE_FAILED, send(s, 0, 1, "bad", false));
        assertEquals(1, s.offences("bad"));
        assertFalse(s.banned("bad"));
        assertFalse(s.have().has(0));
        send(s, 0, 0, "bad", true);
        send(s, 0, 1, "bad", false);
        assertTrue(s.banned("bad"));
        assertEquals(2, s.corruptPieces());
    }

    @Test
    void inAMixedPieceOnlyTheSenderOfTheWrongBlockIsCharged() {
        onlyTheSenderOfTheWrongBlockIsCharged(new Storage(meta, new MemoryStore(PIECE), 1), 0, 1);
    }

    /**
     * To blame the right sender once a piece verifies, what is kept of a failed piece is a digest a
     * block, not its bytes: a peer that spoils one block of each piece cannot make us hold them all.
     */
    @Test
    void aFailedPieceIsKeptAsBlockDigestsNotAsItsBytes() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 1);
        for (int piece = 0; piece < 3; piece++) {
            send(s, piece, 0, "good", false);
            assertEquals(Storage.Outcome.PIECE_FAILED, send(s, piece, 1, "bad", true));
        }
        assertEquals(3 * 2 * (20 + 8), s.keptForBlame(), "3 pieces of 2 blocks: a digest and a sender each");
        send(s, 0, 0, "good", false);
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 0, 1, "good", false));
        assertTrue(s.banned("bad"));
        assertEquals(2 * 2 * (20 + 8), s.keptForBlame(), "a verified piece's record is dropped");
    }

    /** Piece 2 fails with a good block and a bad one; fetched again (blocks in {@code order}), it verifies and only "bad" is charged. */
    private void onlyTheSenderOfTheWrongBlockIsCharged(Storage s, int... order) {
        send(s, 2, 0, "good", false);
        assertEquals(Storage.Outcome.PIECE_FAILED, send(s, 2, 1, "bad", true));
        assertEquals(0, s.offences("bad"));
        assertEquals(Storage.Outcome.STORED, send(s, 2, order[0], "good", false));
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 2, order[1], "good", false));
        assertTrue(s.banned("bad"));
        assertFalse(s.banned("good"));
    }

    @Test
    void resumeRechecksWhatIsOnDisk() throws Exception {
        Files.write(dir.resolve("f.bin"), Arrays.copyOf(data, PIECE * 2 + 10));
        try (DiskStore disk = new DiskStore(meta, dir)) {
            Storage s = new Storage(meta, disk, 2);
            assertEquals(2, s.recheck());
            assertTrue(s.have().has(0) && s.have().has(1) && !s.have().has(2));
            send(s, 2, 0, "a", false);
            send(s, 2, 1, "a", false);
            send(s, 3, 0, "a", false);
            assertTrue(s.complete());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
    }

    @Test
    void diskStoreSplitsPiecesAcrossFiles() throws Exception {
        Path src = dir.resolve("src/album");
        Files.createDirectories(src);
        Files.write(src.resolve("a"), Arrays.copyOf(data, 5000));
        Files.write(src.resolve("b"), Arrays.copyOfRange(data, 5000, data.length));
        Metainfo multi = Torrents.create(src, null, PIECE);
        Path out = dir.resolve("out");
        try (DiskStore disk = new DiskStore(multi, out)) {
            disk.write(0, data);
            assertArrayEquals(Arrays.copyOfRange(data, 4000, 6000), disk.read(4000, 2000));
        }
        assertArrayEquals(Arrays.copyOf(data, 5000), Files.readAllBytes(out.resolve("album/a")));
        try (DiskStore disk = new DiskStore(multi, out)) {
            assertEquals(multi.pieceCount(), new Storage(multi, disk, 2).recheck());
        }
    }

    @Test
    void onDiskBlocksGoToTheirPlaceInAnyOrderAndTheFileComesOutByteIdentical() throws Exception {
        try (DiskStore disk = new DiskStore(meta, dir)) {
            Storage s = new Storage(meta, disk, 2);
            assertEquals(Storage.Outcome.STORED, send(s, 2, 1, "a", false)); // second block first: hashed later
            assertArrayEquals(Arrays.copyOfRange(data, 2 * PIECE + Storage.BLOCK, 3 * PIECE),
                    Arrays.copyOfRange(Files.readAllBytes(dir.resolve("f.bin")), 2 * PIECE + Storage.BLOCK, 3 * PIECE),
                    "the block is in the file at its offset before its piece verified");
            assertFalse(s.have().has(2));
            assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 2, 0, "a", false));
            send(s, 3, 0, "b", false);
            send(s, 0, 0, "a", false);
            send(s, 1, 1, "b", false);
            send(s, 0, 1, "a", false);
            assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 1, 0, "b", false));
            assertTrue(s.complete());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
    }

    @Test
    void onDiskACorruptPieceIsNotHadAndIsFetchedAgainOverItsBadBytes() throws Exception {
        try (DiskStore disk = new DiskStore(meta, dir)) {
            Storage s = new Storage(meta, disk, 2);
            send(s, 1, 0, "bad", true);
            assertEquals(Storage.Outcome.PIECE_FAILED, send(s, 1, 1, "bad", false));
            assertFalse(s.have().has(1));
            assertFalse(s.hasBlock(1, 0), "a failed piece's blocks are asked for again");
            assertEquals(1, s.offences("bad"));
            assertEquals(Storage.Outcome.STORED, send(s, 1, 0, "good", false));
            assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 1, 1, "good", false));
            assertArrayEquals(Arrays.copyOfRange(data, PIECE, 2 * PIECE), s.read(1, 0, PIECE));
            for (int[] pb : new int[][] {{0, 0}, {0, 1}, {2, 0}, {2, 1}, {3, 0}}) {
                send(s, pb[0], pb[1], "good", false);
            }
            assertTrue(s.complete());
            assertEquals(0, s.offences("good"));
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
    }

    @Test
    void onDiskInAMixedPieceOnlyTheSenderOfTheWrongBlockIsCharged() throws Exception {
        try (DiskStore disk = new DiskStore(meta, dir)) {
            onlyTheSenderOfTheWrongBlockIsCharged(new Storage(meta, disk, 1), 1, 0); // out of order: hashed from the file
        }
    }

    @Test
    void aStoreThatKeepsOnlyVerifiedPiecesSeesNoBlockBeforeItsPieceVerifies() {
        HeldPieces held = new HeldPieces(new BytesContent("f.bin", data), PIECE);
        Storage s = new Storage(meta, held, 2);
        send(s, 0, 1, "a", false);
        assertFalse(held.mayHold(0, PIECE), "one block of two reached the store");
        send(s, 0, 0, "bad", true);
        assertFalse(held.mayHold(0, PIECE), "a piece that failed reached the store");
        send(s, 0, 0, "a", false);
        send(s, 0, 1, "a", false);
        assertTrue(s.have().has(0));
        assertTrue(held.mayHold(0, PIECE));
        assertArrayEquals(Arrays.copyOf(data, PIECE), s.read(0, 0, PIECE));
    }
}
