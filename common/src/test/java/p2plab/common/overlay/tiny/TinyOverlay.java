package p2plab.common.overlay.tiny;

import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.transport.Transport;

/**
 * The smallest overlay that exercises the whole SPI: TTL flooding search, hits back along the
 * query path, whole-file download from the holder. It lives in common's tests to prove the SPI
 * and the transports before any real overlay exists.
 */
public final class TinyOverlay implements Overlay {

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public String description() {
        return "a minimal flooding overlay used to test the SPI";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return new TinyNetwork(spec, transport);
    }
}
