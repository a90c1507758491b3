package p2plab.kademlia.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * BEP 5's routing table: k-buckets that together cover the whole id space. It starts as one
 * bucket; when the bucket that covers the own id is full, it splits in two (only that one,
 * so the table knows many nodes near itself and a few far away). Bucket {@code i} holds the
 * nodes whose ids share exactly {@code i} leading bits with the own id; the last bucket holds
 * those that share at least as many.
 *
 * <p>Pure bookkeeping: it never sends anything. When a full bucket wants a questionable node
 * pinged, {@link #seen} returns that node and the caller pings it.
 */
public final class RoutingTable {
    /**
     * Nodes a full bucket keeps in reserve. BEP 5 fixes no number; a few suffice to replace the
     * bad nodes found between two refreshes, and a million simulated tables feel every one.
     */
    public static final int REPLACEMENTS = 3;

    private final NodeId own;
    private final int k;
    private final long goodForNanos;
    private final BucketPolicy policy;
    private final List<Bucket> buckets = new ArrayList<>();

    public RoutingTable(NodeId own, int k, long goodForNanos, BucketPolicy policy, long now) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.own = own;
        this.k = k;
        this.goodForNanos = goodForNanos;
        this.policy = policy;
        buckets.add(new Bucket(0, k, now));
    }

    public NodeId own() {
        return own;
    }

    public int k() {
        return k;
    }

    public List<Bucket> buckets() {
        return Collections.unmodifiableList(buckets);
    }

    public int size() {
        int n = 0;
        for (Bucket b : buckets) {
            n += b.mutableEntries().size();
        }
        return n;
    }

    public NodeState state(Entry e, long now) {
        return e.state(now, goodForNanos);
    }

    public Bucket bucketFor(NodeId id) {
        return buckets.get(Math.min(own.commonPrefix(id), buckets.size() - 1));
    }

    /**
     * {@code contact} answered one of our queries ({@code answered}) or sent us a query.
     *
     * @return an entry the caller should ping (a full bucket's questionable node, which the
     *         newcomer replaces if it stays silent), or null
     */
    public Entry seen(Contact contact, boolean answered, long now) {
        if (contact.id().equals(own)) {
            return null;
        }
        while (true) {
            Bucket bucket = bucketFor(contact.id());
            List<Entry> entries = bucket.mutableEntries();
            Entry known = bucket.find(contact);
            if (known != null) {
                if (!known.contact().address().equals(contact.address())) {
                    return null; // same id from elsewhere: keep the node we know (BEP 5 trusts the old one)
                }
                if (answered) {
                    known.lastAnswered = now;
                    known.failures = 0;
                }
                if (answered || known.everAnswered()) {
                    known.lastSeen = now;
                }
                entries.remove(known);
                entries.add(known);
                bucket.lastChanged = now;
                return null;
            }
            if (entries.size() < k) {
                entries.add(newEntry(contact, answered, now));
                bucket.lastChanged = now;
                return null;
            }
            if (bucket == buckets.get(buckets.size() - 1) && buckets.size() < NodeId.BITS) {
                split();
                continue;
            }
            BucketPolicy.Decision d = policy.whenFull(Collections.unmodifiableList(entries), contact, now, goodForNanos);
            switch (d.action()) {
                case REPLACE -> {
                    entries.remove(d.entry());
                    entries.add(newEntry(contact, answered, now));
                    bucket.lastChanged = now;
                    return null;
                }
                case PING_FIRST -> {
                    bucket.addReplacement(contact, REPLACEMENTS);
                    return d.entry();
                }
                default -> {
                    bucket.addReplacement(contact, REPLACEMENTS);
                    return null;
                }
            }
        }
    }

    private static Entry newEntry(Contact contact, boolean answered, long now) {
        Entry e = new Entry(contact, now);
        if (answered) {
            e.lastAnswered = now;
        }
        return e;
    }

    /** The last bucket (the one covering the own id) becomes two: those that share one more bit, and the rest. */
    private void split() {
        Bucket last = buckets.get(buckets.size() - 1);
        Bucket next = new Bucket(last.prefix() + 1, k, last.lastChanged);
        List<Entry> stay = new ArrayList<>();
        for (Entry e : last.mutableEntries()) {
            (own.commonPrefix(e.contact().id()) > last.prefix() ? next.mutableEntries() : stay).add(e);
        }
        last.mutableEntries().clear();
        last.mutableEntries().addAll(stay);
        buckets.add(next);
    }

    /**
     * {@code contact} did not answer a query. After {@link Entry#BAD_AFTER_FAILURES} in a row it is
     * bad; with {@code replaceNow} (a ping sent because its bucket was full) it goes at once.
     * A bad node makes room for the newest node of the replacement cache.
     */
    public void failed(Contact contact, boolean replaceNow) {
        Bucket bucket = bucketFor(contact.id());
        Entry e = bucket.find(contact);
        if (e == null || !e.contact().address().equals(contact.address())) {
            return;
        }
        e.failures++;
        if (replaceNow || e.failures >= Entry.BAD_AFTER_FAILURES) {
            Contact replacement = bucket.takeReplacement();
            if (replacement != null) {
                bucket.mutableEntries().remove(e);
                bucket.mutableEntries().add(0, new Entry(replacement, e.lastSeen)); // questionable until it answers
            } else if (replaceNow) {
                e.failures = Math.max(e.failures, Entry.BAD_AFTER_FAILURES);
            }
        }
    }

    /** Removes a node outright (a test, or a node that answered with another id). */
    public void remove(Contact contact) {
        Bucket bucket = bucketFor(contact.id());
        Entry e = bucket.find(contact);
        if (e != null) {
            bucket.mutableEntries().remove(e);
        }
    }

    /**
     * Up to {@code n} non-bad nodes closest to {@code target}, closest first. Answering
     * find_node and get_peers asks this for every query, so it keeps the best n in a small
     * sorted array as it walks the table instead of sorting the whole table.
     */
    public List<Contact> closest(NodeId target, int n) {
        Contact[] best = new Contact[n];
        int size = 0;
        for (Bucket b : buckets) {
            for (Entry e : b.mutableEntries()) {
                if (e.failures >= Entry.BAD_AFTER_FAILURES) {
                    continue;
                }
                Contact c = e.contact();
                if (size == n && target.closer(c.id(), best[n - 1].id()) >= 0) {
                    continue;
                }
                int at = size < n ? size++ : n - 1;
                while (at > 0 && target.closer(c.id(), best[at - 1].id()) < 0) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = c;
            }
        }
        return new ArrayList<>(Arrays.asList(best).subList(0, size));
    }

    /** Every node in the table, bucket by bucket. */
    public List<Contact> contacts() {
        List<Contact> all = new ArrayList<>();
        for (Bucket b : buckets) {
            for (Entry e : b.mutableEntries()) {
                all.add(e.contact());
            }
        }
        return all;
    }

    /** Buckets untouched for {@code idleNanos}: they need a refresh lookup. */
    public List<Bucket> idleBuckets(long now, long idleNanos) {
        List<Bucket> idle = new ArrayList<>();
        for (Bucket b : buckets) {
            if (now - b.lastChanged >= idleNanos) {
                idle.add(b);
            }
        }
        return idle;
    }

    /** A refresh happened in this bucket (its lookup was sent). */
    public void touched(Bucket b, long now) {
        b.lastChanged = now;
    }
}
