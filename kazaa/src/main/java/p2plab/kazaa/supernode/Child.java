package p2plab.kazaa.supernode;

import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.wire.PeerRef;

/** What a supernode keeps on the link to one of its children. */
final class Child {
    final PeerRef ref;
    final Candidate declared;
    final long attachedAtNanos;
    /** Promoted by us: its next message on this link is a supernode hello. */
    boolean promoted;
    /** Only a standby link: not indexed, not counted, until it attaches for real. */
    boolean backup;

    Child(PeerRef ref, Candidate declared, long attachedAtNanos) {
        this.ref = ref;
        this.declared = declared;
        this.attachedAtNanos = attachedAtNanos;
    }

    /** Declared capacity with the uptime it has gained since it attached. */
    Candidate now(long nowNanos) {
        long uptime = declared.uptimeMillis() + (nowNanos - attachedAtNanos) / 1_000_000;
        return new Candidate(declared.id(), declared.uploadBytesPerSec(), declared.downloadBytesPerSec(),
                declared.firewalled(), uptime);
    }
}
