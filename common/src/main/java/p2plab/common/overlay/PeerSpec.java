package p2plab.common.overlay;

/**
 * A peer's access link and declared capacity.
 *
 * @param uploadBytesPerSec   0 = unlimited
 * @param downloadBytesPerSec 0 = unlimited
 * @param firewalled          cannot accept incoming connections (matters for supernode election)
 */
public record PeerSpec(long uploadBytesPerSec, long downloadBytesPerSec, boolean firewalled) {

    public static final PeerSpec UNLIMITED = new PeerSpec(0, 0, false);

    public PeerSpec {
        if (uploadBytesPerSec < 0 || downloadBytesPerSec < 0) {
            throw new IllegalArgumentException("rates must be >= 0 (0 = unlimited)");
        }
    }

    public static PeerSpec rates(long upload, long download) {
        return new PeerSpec(upload, download, false);
    }
}
