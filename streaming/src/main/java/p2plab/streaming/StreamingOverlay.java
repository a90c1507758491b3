package p2plab.streaming;

import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.transport.Transport;
import p2plab.streaming.policy.RescuePolicy;

/**
 * Music on demand three ways: one origin server, a CDN of edge caches, or Spotify's hybrid of
 * server, peers and local cache ({@code --option mode=server|cdn|hybrid}). Found by
 * {@link java.util.ServiceLoader}.
 */
public final class StreamingOverlay implements Overlay {
    private final RescuePolicy policy;

    /** Spotify's rescue policy, with the numbers from the options. */
    public StreamingOverlay() {
        this(null);
    }

    /** Listeners use {@code policy} for prefetch and fallback (Lab 8 passes a student's). */
    public StreamingOverlay(RescuePolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "streaming";
    }

    @Override
    public String description() {
        return "music on demand: one server, a CDN of edge caches, or Spotify's server + peers + cache hybrid";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        StreamingOptions options = StreamingOptions.parse(spec.options());
        return StreamingNetwork.start(spec, transport, options, policy == null ? options.rescue() : policy);
    }
}
