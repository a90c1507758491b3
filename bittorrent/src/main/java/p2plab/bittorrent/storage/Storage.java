package p2plab.bittorrent.storage;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.content.Digests;

/**
 * A torrent's pieces: blocks arrive, are hashed as they come (SHA-1), and a piece is counted as
 * had only once its hash checks out (so {@code have} is only ever sent, and a piece only ever
 * read for upload, for verified data). Blocks go straight to a store on disk; a store that keeps
 * nothing but verified pieces gets the piece, assembled in memory, once it verified.
 *
 * <p>Bad data: when a piece fails verification, its blocks are dropped. If one peer sent it all,
 * that peer is charged an offence at once; otherwise the failed attempt is kept and, once the piece
 * verifies, whoever sent a block that differs from the good one is charged. A peer with
 * {@code banAfter} offences is banned.
 */
public final class Storage {
    public static final int BLOCK = 16 * 1024;

    /** What happened to a received block. */
    public enum Outcome { IGNORED, STORED, PIECE_VERIFIED, PIECE_FAILED }

    private final Metainfo meta;
    private final PieceStore store;
    private final PieceSet have;
    private final int banAfter;
    /** Pieces being received, by index (an array: the picker asks about every piece for every request). */
    private final Assembly[] assembling;
    // Made at the first bad piece: most torrents never see one, and a simulation seeds thousands.
    private Map<Integer, Failed> failed = Collections.emptyMap();
    private Map<String, Integer> offences = Collections.emptyMap();
    private Set<String> banned = Collections.emptySet();
    private long corruptPieces;

    public Storage(Metainfo meta, PieceStore store, int banAfter) {
        this.meta = meta;
        this.store = store;
        this.have = new PieceSet(meta.pieceCount());
        this.assembling = new Assembly[meta.pieceCount()];
        this.banAfter = banAfter;
    }

    /** A seed's storage: every piece is taken as had without hashing (its data made the torrent). */
    public static Storage seed(Metainfo meta, PieceStore store) {
        Storage s = new Storage(meta, store, 2);
        for (int i = 0; i < meta.pieceCount(); i++) {
            s.have.add(i);
        }
        return s;
    }

    public Metainfo metainfo() {
        return meta;
    }

    public PieceSet have() {
        return have;
    }

    public boolean complete() {
        return have.complete();
    }

    /** Once complete: lets the store create what no piece wrote (empty files). */
    public void finish() {
        store.allPiecesHad();
    }

    public long bytesHave() {
        long sum = 0;
        for (int i = have.next(0); i >= 0; i = have.next(i + 1)) {
            sum += meta.pieceSize(i);
        }
        return sum;
    }

    public int blocksIn(int piece) {
        return (meta.pieceSize(piece) + BLOCK - 1) / BLOCK;
    }

    public int blockLength(int piece, int block) {
        return Math.min(BLOCK, meta.pieceSize(piece) - block * BLOCK);
    }

    /** True when {@code block} of {@code piece} is already received (in an unfinished piece). */
    public boolean hasBlock(int piece, int block) {
        if (have.has(piece)) {
            return true;
        }
        Assembly a = assembling[piece];
        return a != null && a.senders[block] != null;
    }

    /** Blocks of an unfinished piece received so far (0 for a piece had or not started). */
    public int blocksReceived(int piece) {
        Assembly a = assembling[piece];
        return a == null ? 0 : a.received;
    }

    /** Bytes of a piece we have, for an upload. */
    public byte[] read(int piece, int begin, int length) {
        if (!have.has(piece)) {
            throw new IllegalStateException("piece " + piece + " is not here");
        }
        return store.read((long) piece * meta.pieceLength() + begin, length);
    }

    /**
     * A block from {@code sender}; blocks must be 16 KiB-aligned as we requested them.
     *
     * <p>A store that {@linkplain PieceStore#takesUnverifiedBlocks takes unverified blocks} (files)
     * gets each block at its place at once, and no piece is assembled in memory; any other store
     * only ever sees whole verified pieces. Either way the SHA-1 is computed as blocks arrive, while
     * their bytes are still in the CPU's cache, instead of over the whole piece at the end.
     */
    public Outcome receive(int piece, int begin, byte[] data, String sender) {
        if (piece < 0 || piece >= meta.pieceCount() || have.has(piece) || begin % BLOCK != 0) {
            return Outcome.IGNORED;
        }
        int block = begin / BLOCK;
        if (block >= blocksIn(piece) || data.length != blockLength(piece, block)) {
            return Outcome.IGNORED;
        }
        Assembly a = assembling[piece];
        if (a == null) {
            a = new Assembly(meta.pieceSize(piece), blocksIn(piece), store.takesUnverifiedBlocks());
            assembling[piece] = a;
        }
        if (a.senders[block] != null) {
            return Outcome.IGNORED;
        }
        long at = (long) piece * meta.pieceLength();
        if (a.data != null) {
            System.arraycopy(data, 0, a.data, begin, data.length);
        } else {
            store.write(at + begin, data);
        }
        a.senders[block] = sender;
        a.received++;
        hashOn(a, piece, begin, data);
        if (a.received < a.senders.length) {
            return Outcome.STORED;
        }
        assembling[piece] = null;
        if (!MessageDigest.isEqual(a.sha.digest(), meta.pieceHash(piece))) {
            corruptPieces++;
            Set<String> from = new HashSet<>(Arrays.asList(a.senders));
            if (from.size() == 1) {
                offend(from.iterator().next());
            } else {
                // kept to find out, once the piece verifies, who sent the blocks that differ
                if (failed.isEmpty()) {
                    failed = new HashMap<>();
                }
                failed.put(piece, new Failed(blockDigests(a.data != null ? a.data : store.read(at, a.size), a.senders.length), a.senders));
            }
            return Outcome.PIECE_FAILED;
        }
        if (a.data != null) {
            store.write(at, a.data);
        }
        have.add(piece);
        Failed bad = failed.isEmpty() ? null : failed.remove(piece);
        if (bad != null) {
            byte[][] good = blockDigests(a.data != null ? a.data : store.read(at, a.size), bad.senders.length);
            for (int b = 0; b < bad.senders.length; b++) {
                if (!Arrays.equals(bad.blockDigests[b], good[b])) {
                    offend(bad.senders[b]);
                }
            }
        }
        return Outcome.PIECE_VERIFIED;
    }

    /**
     * Feeds the piece's hash with the block just received when it is the next one in line (blocks
     * of a piece are requested in order, so usually it is), then with any that came early. So the
     * hash always stops at a block not yet received, and covers the piece once its last block is in.
     */
    private void hashOn(Assembly a, int piece, int begin, byte[] data) {
        if (begin != a.hashed) {
            return;
        }
        a.sha.update(data);
        a.hashed += data.length;
        while (a.hashed < a.size && a.senders[a.hashed / BLOCK] != null) {
            int len = blockLength(piece, a.hashed / BLOCK);
            if (a.data != null) {
                a.sha.update(a.data, a.hashed, len);
            } else {
                a.sha.update(store.read((long) piece * meta.pieceLength() + a.hashed, len));
            }
            a.hashed += len;
        }
    }

    /** Forgets a partly received piece (its blocks will be asked for again). */
    public void drop(int piece) {
        assembling[piece] = null;
    }

    private void offend(String peer) {
        if (offences.isEmpty()) {
            offences = new HashMap<>();
        }
        int n = offences.merge(peer, 1, Integer::sum);
        if (n >= banAfter) {
            if (banned.isEmpty()) {
                banned = new HashSet<>();
            }
            banned.add(peer);
        }
    }

    public boolean banned(String peer) {
        return banned.contains(peer);
    }

    public Set<String> bannedPeers() {
        return Set.copyOf(banned);
    }

    public int offences(String peer) {
        return offences.getOrDefault(peer, 0);
    }

    public long corruptPieces() {
        return corruptPieces;
    }

    /** Resume: hashes whatever the store already holds and marks the pieces that verify. */
    public int recheck() {
        int found = 0;
        for (int i = 0; i < meta.pieceCount(); i++) {
            long off = (long) i * meta.pieceLength();
            int len = meta.pieceSize(i);
            if (!have.has(i) && store.mayHold(off, len)
                    && MessageDigest.isEqual(Digests.sha1(store.read(off, len)), meta.pieceHash(i))) {
                have.add(i);
                found++;
            }
        }
        return found;
    }

    /** Pieces being assembled, for display. */
    public List<Integer> inProgress() {
        List<Integer> pieces = new ArrayList<>();
        for (int i = 0; i < assembling.length; i++) {
            if (assembling[i] != null) {
                pieces.add(i);
            }
        }
        return pieces;
    }

    public boolean inProgressContains(int piece) {
        return assembling[piece] != null;
    }

    public void close() {
        store.close();
    }

    /** A piece being received: who sent each block, and its hash so far. */
    private static final class Assembly {
        final int size;
        /** The piece's bytes, or null when the store takes the blocks in place. */
        final byte[] data;
        final String[] senders;
        final MessageDigest sha = Digests.sha1();
        int received;
        /** Bytes from the piece's start that the hash has seen. */
        int hashed;

        Assembly(int size, int blocks, boolean inPlace) {
            this.size = size;
            this.data = inPlace ? null : new byte[size];
            this.senders = new String[blocks];
        }
    }

    /**
     * A piece that failed its hash with blocks from several peers: the SHA-1 of each of its blocks
     * and who sent it. Digests, not the bytes: a peer that spoils one block of every piece would
     * otherwise make us keep a copy of every piece until it verifies (20 bytes a block instead).
     */
    private record Failed(byte[][] blockDigests, String[] senders) {
    }

    private static byte[][] blockDigests(byte[] piece, int blocks) {
        MessageDigest sha = Digests.sha1();
        byte[][] out = new byte[blocks][];
        for (int b = 0; b < blocks; b++) {
            sha.update(piece, b * BLOCK, Math.min(BLOCK, piece.length - b * BLOCK));
            out[b] = sha.digest();
        }
        return out;
    }

    /** Bytes kept about failed pieces to find out who spoiled them, once they verify. */
    public long keptForBlame() {
        long n = 0;
        for (Failed f : failed.values()) {
            n += (long) f.blockDigests.length * 20 + f.senders.length * 8L;
        }
        return n;
    }
}
