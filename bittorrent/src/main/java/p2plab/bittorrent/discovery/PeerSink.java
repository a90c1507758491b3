package p2plab.bittorrent.discovery;

import java.util.Collection;
import p2plab.common.transport.Address;

/**
 * Where a {@link PeerSource} delivers the peers it found for one torrent. The client dials the
 * ones it is not connected to yet, up to its connection limit. Safe to call from any thread.
 */
@FunctionalInterface
public interface PeerSink {

    /** Peers (listening addresses) found for the torrent; repeats are harmless. */
    void found(Collection<Address> peers);
}
