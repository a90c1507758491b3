package p2plab.bittorrent.discovery;

import java.util.List;
import p2plab.common.transport.Address;

/**
 * Peers given up front: a magnet link's {@code x.pe} addresses, or {@code --peer} on the command
 * line. They are handed over at the start and again whenever the client asks for more.
 */
public final class FixedPeers implements PeerSource {
    private final List<Address> peers;

    public FixedPeers(List<Address> peers) {
        this.peers = List.copyOf(peers);
    }

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public Announcer start(SwarmRef swarm, PeerSink sink) {
        if (!peers.isEmpty()) {
            sink.found(peers);
        }
        return new Announcer() {
            @Override
            public void findMore() {
                if (!peers.isEmpty()) {
                    sink.found(peers);
                }
            }

            @Override
            public void stop() {
            }
        };
    }
}
