package p2plab.kazaa.supernode;

import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.wire.PeerRef;

/**
 * What a supernode keeps on the link to one of its children. The declared capacity is kept as
 * plain fields, not the {@link Candidate} it came as: every attached node of a network has one
 * of these, and the record beside it cost 48 bytes more.
 */
final class Child {
    final PeerRef ref;
    private final long uploadBytesPerSec;
    private final long downloadBytesPerSec;
    private final boolean firewalled;
    private final long declaredUptimeMillis;
    private final long attachedAtNanos;
    /** Promoted by us: its next message on this link is a supernode hello. */
    boolean promoted;
    /** Only a standby link: not indexed, not counted, until it attaches for real. */
    boolean backup;

    Child(PeerRef ref, Candidate declared, long attachedAtNanos) {
        this.ref = ref;
        this.uploadBytesPerSec = declared.uploadBytesPerSec();
        this.downloadBytesPerSec = declared.downloadBytesPerSec();
        this.firewalled = declared.firewalled();
        this.declaredUptimeMillis = declared.uptimeMillis();
        this.attachedAtNanos = attachedAtNanos;
    }

    /** Declared capacity with the uptime it has gained since it attached. */
    Candidate now(long nowNanos) {
        long uptime = declaredUptimeMillis + (nowNanos - attachedAtNanos) / 1_000_000;
        return new Candidate(ref.id(), uploadBytesPerSec, downloadBytesPerSec, firewalled, uptime);
    }
}
