package p2plab.bittorrent.discovery;

import p2plab.common.transport.Address;

/**
 * Somewhere a client learns the peers of a torrent: the tracker is one source, the DHT another,
 * a fixed list typed by the user a third. A client asks every source it was given and dials
 * whatever any of them finds, so a swarm keeps growing while one source still works.
 *
 * <p>Usage (an application adding a source to a client; the DHT-backed source lives in
 * {@code labs}, since this module does not know any DHT):
 * <pre>{@code
 *   Client client = Client.open(transport, "get", 0, NodeConfig.named("get"), ClientOptions.defaults().withoutTracker());
 *   client.addPeerSource(new FixedPeers(List.of(Address.parse("127.0.0.1:6881"))));
 *   client.addPeerSource(myDhtSource);   // dhtPort() > 0: handshakes set the DHT bit, PORT is sent
 *   client.get(MagnetLink.parse(uri), meta -> new MemoryStore(meta.pieceLength()));
 * }</pre>
 * A source is told about each torrent with {@link #start}; it then delivers peers to the
 * {@link PeerSink} on its own schedule (a tracker every interval, a DHT lookup every few
 * minutes) and announces us where that makes sense (the tracker's announce, the DHT's
 * {@code announce_peer}), until {@link Announcer#stop()}.
 *
 * <p>Threads: the client calls {@link #start}, {@link #dhtNodeLearned} and every
 * {@link Announcer} method on its peer node's thread; a source that works on another node hops
 * to that node's thread itself. {@link PeerSink} may be called from any thread.
 */
public interface PeerSource {

    /** A short name for status lines and errors: {@code tracker}, {@code dht}, {@code peers}. */
    String name();

    /** Begins finding peers for one torrent and announcing us in it. */
    Announcer start(SwarmRef swarm, PeerSink sink);

    /**
     * The UDP port of the DHT node behind this source, or 0 when it is not a DHT. When any source
     * of a client has one, the client sets the DHT bit in its handshakes and sends a
     * {@code port} message (BEP 5, id 9) to every peer that set it too.
     */
    default int dhtPort() {
        return 0;
    }

    /**
     * A DHT node a peer told us about with its {@code port} message (the peer's IP, the port it
     * gave): a DHT source adds it to its routing table (after a ping, as BEP 5 suggests).
     * Called only on sources whose {@link #dhtPort()} is above 0.
     */
    default void dhtNodeLearned(Address node) {
    }

    /** The client is closing: leave politely (called after every torrent's {@link Announcer#stop()}). */
    default void close() {
    }

    /** The client crashed (simulated): stop at once, say goodbye to no one. */
    default void kill() {
        close();
    }
}
