package p2plab.common.overlay;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.transport.Transport;

/**
 * A running network of one overlay. The shell, the experiments and the grader speak only this
 * interface, so "the same workload on Napster, Gnutella and Kazaa" is one loop.
 *
 * <p>Methods that act on a peer throw {@link OverlayException} for an unknown or dead peer.
 * Searches and downloads complete their future on the peer's thread; use
 * {@link Transport#await} to wait (in simulation that runs the events).
 */
public interface Network extends AutoCloseable {

    String name();

    /** The overlay's name, e.g. {@code "gnutella"}. */
    String overlay();

    Transport transport();

    /** Every peer ever added, dead or alive, in id order. */
    List<PeerId> peers();

    PeerId addPeer(PeerSpec spec);

    /** Crashes a peer abruptly: no goodbye messages. */
    void kill(PeerId id);

    /** Brings a killed peer back at the same address, with the files it shared. */
    void revive(PeerId id);

    void share(PeerId id, Content content);

    /**
     * Shares {@code contents} on peer {@code id}, in order, with the same effect as sharing them
     * one by one. A simulated overlay may do it in one event of the peer's instead of one event a
     * file, which is what building a workload of millions of shares needs; a Kademlia network
     * built whole stores what the announcements would have stored without sending them.
     */
    default void shareAll(PeerId id, List<? extends Content> contents) {
        for (Content c : contents) {
            share(id, c);
        }
    }

    CompletableFuture<SearchResult> search(PeerId from, Query query);

    CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress);

    default CompletableFuture<TransferResult> download(PeerId to, ContentId what) {
        return download(to, what, DownloadProgress.NONE);
    }

    Topology topology();

    /**
     * What this network is still in the middle of, in words for the user ("peer 3 has not
     * logged in yet"), or an empty list once it has settled. The shell lets protocol time pass
     * until the list is empty after a command that starts something asynchronous (create, add,
     * kill, revive), so that what the next command sees does not depend on the driver: a crash
     * noticed over TCP at once is noticed in simulation after the failure-detection delay.
     *
     * <p>The default: running peers that still list a crashed peer as a neighbour. Overlays add
     * their own unfinished business (logins, attachments, announces).
     */
    default List<String> pending() {
        Topology t = topology();
        java.util.Set<PeerId> dead = new java.util.HashSet<>();
        for (PeerInfo p : t.peers()) {
            if (!p.alive()) {
                dead.add(p.id());
            }
        }
        List<String> out = new java.util.ArrayList<>();
        if (dead.isEmpty()) {
            return out;
        }
        for (PeerInfo p : t.peers()) {
            if (p.alive()) {
                for (PeerId n : p.neighbours()) {
                    if (dead.contains(n)) {
                        out.add("peer " + p.id() + " has not yet noticed that peer " + n + " crashed");
                    }
                }
            }
        }
        return out;
    }

    /**
     * The running peers that share and search (not an index server or a tracker), in id order:
     * what a workload places its files on. Read from {@link #topology} unless the overlay knows
     * it more cheaply (a Kademlia topology lists every routing table's entries).
     */
    default List<PeerId> sharers() {
        List<PeerId> out = new java.util.ArrayList<>();
        for (PeerInfo p : topology().peers()) {
            if (p.alive() && p.role() != Role.INDEX_SERVER && p.role() != Role.TRACKER) {
                out.add(p.id());
            }
        }
        return out;
    }

    /** One peer as the shell shows it: role, liveness, neighbours, shares and the overlay's own details. */
    default PeerInfo info(PeerId id) {
        for (PeerInfo p : topology().peers()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new OverlayException("no peer " + id + " in network " + name() + "; see `peer list`");
    }

    /**
     * How many running peers hold each piece of {@code what}, for overlays that trade pieces
     * (BitTorrent); the others do not count replicas and say so.
     */
    default int[] replication(ContentId what) {
        throw new OverlayException("the " + overlay() + " overlay does not count the replicas of a file's pieces");
    }

    default MetricsSnapshot metrics() {
        return transport().metrics().snapshot();
    }

    /** Stops every peer of this network and releases its ports. */
    @Override
    void close();
}
