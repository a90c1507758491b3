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
 * A torrent's pieces: blocks arrive, a piece is assembled in memory, SHA-1 verified, and only then
 * written and counted as had (so {@code have} is only ever sent for verified data).
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
    private final Map<Integer, Assembly> assembling = new HashMap<>();
    // Made at the first bad piece: most torrents never see one, and a simulation seeds thousands.
    private Map<Integer, Assembly> failed = Collections.emptyMap();
    private Map<String, Integer> offences = Collections.emptyMap();
    private Set<String> banned = Collections.emptySet();
    private long corruptPieces;

    public Storage(Metainfo meta, PieceStore store, int banAfter) {
        this.meta = meta;
        this.store = store;
        this.have = new PieceSet(meta.pieceCount());
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
        Assembly a = assembling.get(piece);
        return a != null && a.senders[block] != null;
    }

    /** Blocks of an unfinished piece received so far (0 for a piece had or not started). */
    public int blocksReceived(int piece) {
        Assembly a = assembling.get(piece);
        return a == null ? 0 : a.received;
    }

    /** Bytes of a piece we have, for an upload. */
    public byte[] read(int piece, int begin, int length) {
        if (!have.has(piece)) {
            throw new IllegalStateException("piece " + piece + " is not here");
        }
        return store.read((long) piece * meta.pieceLength() + begin, length);
    }

    /** A block from {@code sender}; blocks must be 16 KiB-aligned as we requested them. */
    public Outcome receive(int piece, int begin, byte[] data, String sender) {
        if (piece < 0 || piece >= meta.pieceCount() || have.has(piece) || begin % BLOCK != 0) {
            return Outcome.IGNORED;
        }
        int block = begin / BLOCK;
        if (block >= blocksIn(piece) || data.length != blockLength(piece, block)) {
            return Outcome.IGNORED;
        }
        Assembly a = assembling.computeIfAbsent(piece, p -> new Assembly(meta.pieceSize(p), blocksIn(p)));
        if (a.senders[block] != null) {
            return Outcome.IGNORED;
        }
        System.arraycopy(data, 0, a.data, begin, data.length);
        a.senders[block] = sender;
        if (++a.received < a.senders.length) {
            return Outcome.STORED;
        }
        assembling.remove(piece);
        if (!MessageDigest.isEqual(Digests.sha1(a.data), meta.pieceHash(piece))) {
            corruptPieces++;
            Set<String> from = new HashSet<>(Arrays.asList(a.senders));
            if (from.size() == 1) {
                offend(from.iterator().next());
            } else {
                if (failed.isEmpty()) {
                    failed = new HashMap<>();
                }
                failed.put(piece, a);
            }
            return Outcome.PIECE_FAILED;
        }
        store.write((long) piece * meta.pieceLength(), a.data);
        have.add(piece);
        Assembly bad = failed.isEmpty() ? null : failed.remove(piece);
        if (bad != null) {
            for (int b = 0; b < bad.senders.length; b++) {
                int off = b * BLOCK;
                int len = blockLength(piece, b);
                if (!Arrays.equals(bad.data, off, off + len, a.data, off, off + len)) {
                    offend(bad.senders[b]);
                }
            }
        }
        return Outcome.PIECE_VERIFIED;
    }

    /** Forgets a partly received piece (its blocks will be asked for again). */
    public void drop(int piece) {
        assembling.remove(piece);
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
        return new ArrayList<>(assembling.keySet());
    }

    public boolean inProgressContains(int piece) {
        return assembling.containsKey(piece);
    }

    public void close() {
        store.close();
    }

    private static final class Assembly {
        final byte[] data;
        final String[] senders;
        int received;

        Assembly(int size, int blocks) {
            data = new byte[size];
            senders = new String[blocks];
        }
    }
}
