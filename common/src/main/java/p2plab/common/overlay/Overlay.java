package p2plab.common.overlay;

import p2plab.common.transport.Transport;

/**
 * One peer-to-peer architecture (Napster, Gnutella, Kazaa, BitTorrent). Overlays are found with
 * {@link java.util.ServiceLoader}: each module lists its class in
 * {@code META-INF/services/p2plab.common.overlay.Overlay}.
 */
public interface Overlay {

    /** {@code "napster"}, {@code "gnutella"}, {@code "kazaa"} or {@code "bittorrent"}. */
    String name();

    /** One line for {@code help}: what this architecture is about. */
    String description();

    /** Builds a running network of {@code spec.peers()} peers on {@code transport}. */
    Network create(NetworkSpec spec, Transport transport);

    /**
     * Builds it, reporting each phase (starting peers, wiring) to {@code progress}, which may
     * cancel the build by throwing. Overlays that take long to build large networks override this.
     */
    default Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return create(spec, transport);
    }
}
