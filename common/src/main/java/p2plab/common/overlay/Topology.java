package p2plab.common.overlay;

import java.util.List;

/** The overlay graph right now: every peer with its role, and the links between them. */
public record Topology(List<PeerInfo> peers, List<Edge> edges) {

    public Topology {
        peers = List.copyOf(peers);
        edges = List.copyOf(edges);
    }

    /** An undirected overlay link. */
    public record Edge(PeerId a, PeerId b) {
    }
}
