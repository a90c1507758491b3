package p2plab.kademlia.routing;

import p2plab.kademlia.krpc.Contact;

/**
 * One node of a bucket as the table saw it when asked, with what BEP 5 needs to tell its state.
 * A snapshot: the {@link RoutingTable} keeps its nodes in arrays, not in objects like this one.
 */
public final class Entry {
    /** Failed queries in a row after which a node is bad. */
    public static final int BAD_AFTER_FAILURES = 2;

    private final Contact contact;
    private final long lastSeen;
    private final int failures;
    private final boolean everAnswered;

    Entry(Contact contact, long lastSeen, int failures, boolean everAnswered) {
        this.contact = contact;
        this.lastSeen = lastSeen;
        this.failures = failures;
        this.everAnswered = everAnswered;
    }

    public Contact contact() {
        return contact;
    }

    /** Last time it answered us, or queried us after having answered once. */
    public long lastSeen() {
        return lastSeen;
    }

    /** Queries it failed to answer in a row. */
    public int failures() {
        return failures;
    }

    public boolean everAnswered() {
        return everAnswered;
    }

    public NodeState state(long now, long goodForNanos) {
        return state(failures, everAnswered, lastSeen, now, goodForNanos);
    }

    static NodeState state(int failures, boolean everAnswered, long lastSeen, long now, long goodForNanos) {
        if (failures >= BAD_AFTER_FAILURES) {
            return NodeState.BAD;
        }
        if (everAnswered && now - lastSeen < goodForNanos) {
            return NodeState.GOOD;
        }
        return NodeState.QUESTIONABLE;
    }

    @Override
    public String toString() {
        return contact.toString();
    }
}
