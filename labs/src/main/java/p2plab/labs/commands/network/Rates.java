package p2plab.labs.commands.network;

import p2plab.common.overlay.PeerSpec;
import p2plab.common.units.DataRate;

/** Turns the --upload/--download texts into a peer's access link. */
final class Rates {
    private Rates() {
    }

    static PeerSpec peerSpec(String upload, String download) {
        return PeerSpec.rates(parse(upload, "--upload"), parse(download, "--download"));
    }

    private static long parse(String text, String option) {
        if (text == null) {
            return 0;
        }
        try {
            return DataRate.parseBytesPerSecond(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
