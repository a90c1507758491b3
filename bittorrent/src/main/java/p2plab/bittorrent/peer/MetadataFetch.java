package p2plab.bittorrent.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Node;

/**
 * A torrent known only by its info hash (a magnet link): connects like any torrent, and fetches
 * the info dictionary from peers that offer {@code ut_metadata} (BEP 9, over BEP 10).
 *
 * <pre>
 *   us                                       peer (has the metadata)
 *    | --- Handshake (ext bit) ------------&gt; |
 *    | &lt;-- Handshake, Bitfield ------------- |
 *    | --- Extended 0 {m: ut_metadata=2} --&gt; |
 *    | &lt;-- Extended 0 {m: ut_metadata=3, metadata_size: 1280} --
 *    | --- Extended 3 request piece 0 -----&gt; |   (every piece, 16 KiB each)
 *    | &lt;-- Extended 2 data piece 0 -------- |
 *    SHA-1(pieces) == info hash ? done : drop this peer, ask the next
 * </pre>
 *
 * All pieces come from one peer at a time, so a wrong dictionary is that peer's fault: it is
 * dropped (closed, and refused for the rest of the fetch) and the next peer that offers the
 * metadata is asked. So is a peer that rejects, goes silent for {@link #PEER_TIMEOUT}, or offers
 * more than {@link MetadataPieces#MAX_SIZE} bytes; peers passed over are asked again after
 * {@link #PEER_TIMEOUT} when nobody else offers the metadata. What each peer says it has (bitfield, have)
 * and whether it unchoked us is remembered, so its connection can go on to the
 * {@link TorrentSession} once the metadata is in ({@link PeerEngine#promote}).
 */
public final class MetadataFetch implements Swarm {
    /** The id we receive ut_metadata messages under (our extended handshake's {@code m}). */
    public static final int UT_METADATA_ID = 2;
    /** A peer asked for the metadata that sends none of it this long is passed over. */
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);
    /** Have messages remembered per peer before the piece count is known: piece indexes below this. */
    static final int MAX_REMEMBERED_HAVE = 1 << 20;

    private final Node<PeerMessage> node;
    private final byte[] infoHash;
    private final Map<Connection, Said> connections = new LinkedHashMap<>();
    /** Peers dropped, oldest first: at most {@link #MAX_DROPPED}, as each new peer id can lie once more. */
    private final Set<String> dropped = new LinkedHashSet<>();
    static final int MAX_DROPPED = 1_000;
    private final Set<Connection> passedOver = new HashSet<>();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Runnable onFirstPeer = () -> { };
    private Connection source;
    private MetadataPieces pieces;
    private Cancellable timeout = Cancellable.NONE;
    private Cancellable retry = Cancellable.NONE;
    private volatile String lastError;
    private boolean stopped;

    public MetadataFetch(Node<PeerMessage> node, byte[] infoHash) {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("an info hash has 20 bytes");
        }
        this.node = node;
        this.infoHash = infoHash.clone();
    }

    /** Completes with the verified info dictionary (on the node's thread). */
    public CompletableFuture<byte[]> result() {
        return result;
    }

    /** Called once, when the first peer completes its handshake. */
    public void onFirstPeer(Runnable r) {
        this.onFirstPeer = r;
    }

    /** Why the last peer could not give us the metadata, or null. */
    public String lastError() {
        return lastError;
    }

    /** Peers dropped for sending metadata that does not match, for a size over the limit, or a malformed message. */
    public Set<String> droppedPeers() {
        return Set.copyOf(dropped);
    }

    public List<Connection> connections() {
        return List.copyOf(connections.keySet());
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public boolean banned(String peerKey) {
        return dropped.contains(peerKey);
    }

    @Override
    public int pieceCount() {
        return 0;
    }

    @Override
    public Collection<Connection> connectionList() {
        return connections();
    }

    @Override
    public Connection connectionTo(String peerKey) {
        for (Connection c : connections.keySet()) {
            if (c.peerKey.equals(peerKey)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void onHandshake(Connection c) {
        if (stopped || dropped.contains(c.peerKey)) {
            c.link.close();
            return;
        }
        boolean first = connections.isEmpty();
        connections.put(c, new Said());
        if (c.fast) {
            c.send(new PeerMessage.HaveNone()); // BEP 6: the first message says what we have
        }
        if (c.extensionProtocol) {
            c.send(new PeerMessage.Extended(0, new ExtensionHandshake(Map.of(UtMetadata.NAME, UT_METADATA_ID),
                    TorrentSession.CLIENT_NAME, node.address().port(), 0).encode()));
        }
        if (first) {
            onFirstPeer.run();
        }
    }

    @Override
    public void onMessage(Connection c, PeerMessage m) {
        Said said = connections.get(c);
        if (said == null) {
            return;
        }
        if (m instanceof PeerMessage.Extended x) {
            onExtended(c, x);
        } else if (m instanceof PeerMessage.Bitfield || m instanceof PeerMessage.HaveAll || m instanceof PeerMessage.HaveNone) {
            said.first = m;
        } else if (m instanceof PeerMessage.Have h) {
            if (h.index() >= 0 && h.index() < MAX_REMEMBERED_HAVE) {
                said.haves.set(h.index());
            }
        } else if (m instanceof PeerMessage.Choke) {
            said.unchoked = false;
        } else if (m instanceof PeerMessage.Unchoke) {
            said.unchoked = true;
        } else if (m instanceof PeerMessage.Interested) {
            said.interested = true;
        } else if (m instanceof PeerMessage.NotInterested) {
            said.interested = false;
        } else if (m instanceof PeerMessage.Request r && c.fast) {
            c.answer(new PeerMessage.Reject(r.index(), r.begin(), r.length())); // we have no piece yet
        } else if (m instanceof PeerMessage.Handshake) {
            c.link.close();
        }
        // pieces, cancels, port, hints: nothing to do before we know the torrent
    }

    private void onExtended(Connection c, PeerMessage.Extended x) {
        if (!c.extensionProtocol) {
            return;
        }
        if (x.extId() == 0) {
            try {
                c.extensions = ExtensionHandshake.decode(x.payload());
            } catch (IllegalArgumentException e) {
                c.extensions = null;
            }
            askNext();
            return;
        }
        if (x.extId() != UT_METADATA_ID) {
            return; // an extension we did not offer: ignored (BEP 10)
        }
        UtMetadata m;
        try {
            m = UtMetadata.decode(x.payload());
        } catch (IllegalArgumentException e) {
            drop(c, e.getMessage());
            return;
        }
        if (m instanceof UtMetadata.Request r) {
            int theirId = c.extensions == null ? 0 : c.extensions.idOf(UtMetadata.NAME);
            if (theirId > 0) {
                c.answer(new PeerMessage.Extended(theirId, UtMetadata.encode(new UtMetadata.Reject(r.piece())))); // we lack it too
            }
        } else if (m instanceof UtMetadata.Data d && c == source) {
            onData(c, d);
        } else if (m instanceof UtMetadata.Reject && c == source) {
            lastError = "peer " + c.link.remote() + " rejected our metadata request";
            passOver(c);
        }
        // data or rejects from a peer we did not ask, and unknown types: ignored
    }

    private void onData(Connection c, UtMetadata.Data d) {
        if (d.totalSize() != pieces.size()) {
            drop(c, "it sent total_size " + d.totalSize() + " after announcing metadata_size " + pieces.size());
            return;
        }
        try {
            pieces.put(d.piece(), d.data());
        } catch (IllegalArgumentException e) {
            drop(c, e.getMessage());
            return;
        }
        if (!pieces.complete()) {
            armTimeout(c);
            return;
        }
        timeout.cancel();
        if (!pieces.matches(infoHash)) {
            drop(c, "its metadata does not hash to the info hash");
            return;
        }
        lastError = null;
        result.complete(pieces.bytes());
    }

    /** Starts fetching from the next peer that offers the metadata, if none is being asked. */
    private void askNext() {
        if (source != null || result.isDone() || stopped) {
            return;
        }
        for (Connection c : connections.keySet()) {
            ExtensionHandshake x = c.extensions;
            if (passedOver.contains(c) || x == null || x.idOf(UtMetadata.NAME) == 0 || x.metadataSize() == 0) {
                continue;
            }
            MetadataPieces p;
            try {
                p = new MetadataPieces(x.metadataSize());
            } catch (IllegalArgumentException e) {
                drop(c, e.getMessage());
                askNext();
                return;
            }
            source = c;
            pieces = p;
            for (int i = 0; i < p.count(); i++) {
                c.send(new PeerMessage.Extended(x.idOf(UtMetadata.NAME), UtMetadata.encode(new UtMetadata.Request(i))));
            }
            armTimeout(c);
            return;
        }
        if (!passedOver.isEmpty() && retry == Cancellable.NONE) {
            // everyone left was passed over (a reject, a slow link): give them another chance later
            retry = node.clock().schedule(PEER_TIMEOUT, () -> {
                retry = Cancellable.NONE;
                passedOver.clear();
                askNext();
            });
        }
    }

    private void armTimeout(Connection c) {
        timeout.cancel();
        timeout = node.clock().schedule(PEER_TIMEOUT, () -> {
            if (source == c && !result.isDone()) {
                lastError = "peer " + c.link.remote() + " sent no metadata for " + PEER_TIMEOUT.toSeconds() + " s";
                passOver(c);
            }
        });
    }

    /** This peer will not give us the metadata; keep its connection for the download, ask another. */
    private void passOver(Connection c) {
        passedOver.add(c);
        if (source == c) {
            source = null;
            pieces = null;
            timeout.cancel();
        }
        askNext();
    }

    /** A peer that lied or broke the protocol: closed, and not let back in during the fetch. */
    private void drop(Connection c, String why) {
        lastError = "dropped peer " + c.link.remote() + ": " + why;
        dropped.add(c.peerKey);
        if (dropped.size() > MAX_DROPPED) {
            Iterator<String> oldest = dropped.iterator();
            oldest.next();
            oldest.remove();
        }
        c.link.close();
        onClosed(c);
    }

    @Override
    public void onWritable(Connection c) {
    }

    @Override
    public void onClosed(Connection c) {
        if (connections.remove(c) == null) {
            return;
        }
        passedOver.remove(c);
        if (source == c) {
            source = null;
            pieces = null;
            timeout.cancel();
            askNext();
        }
    }

    /** What a peer told us before we knew the torrent, replayed into its {@link TorrentSession}. */
    List<PeerMessage> replay(Connection c) {
        Said s = connections.get(c);
        List<PeerMessage> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        if (s.first != null) {
            out.add(s.first);
        }
        for (int i = s.haves.nextSetBit(0); i >= 0; i = s.haves.nextSetBit(i + 1)) {
            out.add(new PeerMessage.Have(i));
        }
        if (s.interested) {
            out.add(new PeerMessage.Interested());
        }
        if (s.unchoked) {
            out.add(new PeerMessage.Unchoke());
        }
        return out;
    }

    /** Where the peers we are connected to listen (the extended handshake's {@code p} for those who dialled us). */
    public List<Address> peerAddresses() {
        Set<Address> out = new LinkedHashSet<>();
        for (Connection c : connections.keySet()) {
            if (c.link.outbound()) {
                out.add(c.link.remote());
            } else if (c.extensions != null && c.extensions.port() > 0) {
                out.add(new Address(c.link.remote().host(), c.extensions.port()));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void stop() {
        stopped = true;
        timeout.cancel();
        retry.cancel();
        for (Connection c : List.copyOf(connections.keySet())) {
            c.link.close();
        }
        connections.clear();
        if (!result.isDone()) {
            result.completeExceptionally(new IllegalStateException("stopped before the metadata of "
                    + HexFormat.of().formatHex(infoHash) + " arrived"));
        }
    }

    /** Forget connections without closing them: they now belong to the torrent's session. */
    void handOver() {
        stopped = true;
        timeout.cancel();
        retry.cancel();
        connections.clear();
    }

    /** A peer's state as it told us before the metadata was in. */
    private static final class Said {
        PeerMessage first;
        final BitSet haves = new BitSet();
        boolean unchoked;
        boolean interested;
    }
}
