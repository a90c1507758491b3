package p2plab.kademlia.routing;

import java.util.List;
import p2plab.kademlia.krpc.Contact;

/**
 * Whom a full bucket keeps when a new node turns up: the pluggable part of the routing table
 * (lab 7 swaps in a student's). Kademlia's own answer favours nodes that have been up long,
 * since they are the likeliest to stay up.
 */
@FunctionalInterface
public interface BucketPolicy {

    /**
     * Decides for a full bucket that the {@code newcomer} does not fit.
     *
     * @param entries the bucket's nodes, least recently seen first
     * @param now     protocol time, to judge states with {@link Entry#state}
     */
    Decision whenFull(List<Entry> entries, Contact newcomer, long now, long goodForNanos);

    /** What to do: replace an entry at once, ping an entry first (replace it if silent), or drop the newcomer. */
    record Decision(Action action, Entry entry) {
        public static final Decision DROP = new Decision(Action.DROP, null);

        public static Decision replace(Entry e) {
            return new Decision(Action.REPLACE, e);
        }

        public static Decision pingFirst(Entry e) {
            return new Decision(Action.PING_FIRST, e);
        }
    }

    enum Action { REPLACE, PING_FIRST, DROP }
}
