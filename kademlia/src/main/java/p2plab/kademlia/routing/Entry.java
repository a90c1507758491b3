package p2plab.kademlia.routing;

import p2plab.kademlia.krpc.Contact;

/** One node in a bucket, with what BEP 5 needs to tell its state. Changed only by its {@link RoutingTable}. */
public final class Entry {
    /** Failed queries in a row after which a node is bad. */
    public static final int BAD_AFTER_FAILURES = 2;

    private final Contact contact;
    long lastSeen;          // last time it answered us, or queried us after having answered once
    long lastAnswered = Long.MIN_VALUE;
    int failures;

    Entry(Contact contact, long now) {
        this.contact = contact;
        this.lastSeen = now;
    }

    public Contact contact() {
        return contact;
    }

    public long lastSeen() {
        return lastSeen;
    }

    public int failures() {
        return failures;
    }

    public boolean everAnswered() {
        return lastAnswered != Long.MIN_VALUE;
    }

    public NodeState state(long now, long goodForNanos) {
        if (failures >= BAD_AFTER_FAILURES) {
            return NodeState.BAD;
        }
        if (everAnswered() && now - lastSeen < goodForNanos) {
            return NodeState.GOOD;
        }
        return NodeState.QUESTIONABLE;
    }

    @Override
    public String toString() {
        return contact.toString();
    }
}
