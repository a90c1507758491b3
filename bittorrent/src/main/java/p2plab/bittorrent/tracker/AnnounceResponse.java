package p2plab.bittorrent.tracker;

import java.util.List;
import p2plab.common.transport.Address;

/** A tracker's answer to an announce: when to come back, and some peers of the swarm. */
public record AnnounceResponse(int intervalSeconds, int complete, int incomplete, List<Address> peers) {

    public AnnounceResponse {
        peers = List.copyOf(peers);
    }
}
