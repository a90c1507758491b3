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

    CompletableFuture<SearchResult> search(PeerId from, Query query);

    CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress);

    default CompletableFuture<TransferResult> download(PeerId to, ContentId what) {
        return download(to, what, DownloadProgress.NONE);
    }

    Topology topology();

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
