package p2plab.common.overlay;

import java.util.Map;
import p2plab.common.topology.TopologySpec;

/**
 * What to build: how many peers, how they are wired, with which access links, from which seed.
 *
 * @param name     the network's name in the shell
 * @param peers    peers to start with (for Napster: not counting the index server)
 * @param topology how to wire them, for overlays that have a neighbour graph; may be null (overlay default)
 * @param seed     every random choice derives from it
 * @param peerSpec access link and capacity of each initial peer
 * @param options  overlay-specific settings ({@code ttl}, {@code forwarding}, {@code impl}...); unknown keys are an error
 */
public record NetworkSpec(String name, int peers, TopologySpec topology, long seed, PeerSpec peerSpec,
                          Map<String, String> options) {

    public NetworkSpec {
        if (peers < 0) {
            throw new IllegalArgumentException("--peers must be >= 0, got " + peers);
        }
        options = Map.copyOf(options);
    }

    public static NetworkSpec of(String name, int peers, long seed) {
        return new NetworkSpec(name, peers, null, seed, PeerSpec.UNLIMITED, Map.of());
    }

    public NetworkSpec withTopology(TopologySpec t) {
        return new NetworkSpec(name, peers, t, seed, peerSpec, options);
    }

    public NetworkSpec withPeerSpec(PeerSpec p) {
        return new NetworkSpec(name, peers, topology, seed, p, options);
    }

    public NetworkSpec withOptions(Map<String, String> o) {
        return new NetworkSpec(name, peers, topology, seed, peerSpec, o);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
