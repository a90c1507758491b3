package p2plab.kademlia.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.common.transport.Address;
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
 *
 * <p>A simulation holds a million of these tables, so a node of the table is not an object:
 * bucket {@code b} owns the k slots {@code b*k .. b*k+k-1} of a few parallel arrays (id,
 * address, last seen, failures, answered once), its nodes least recently seen first, and the
 * {@link #REPLACEMENTS} slots {@code b*REPLACEMENTS..} of two more for its replacement cache.
 * The ids and addresses are the ones the node heard, shared with every other table that knows
 * the node. {@link #buckets()} and {@link Entry} are snapshots made on demand.
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
    private int buckets = 1;
    private int[] sizes = new int[1];
    private long[] lastChanged;
    // the nodes: slot b*k + i is bucket b's i-th least recently seen node
    private NodeId[] ids;
    private Address[] addresses;
    private long[] lastSeen;
    private byte[] failures;
    private boolean[] answered;
    // the replacement caches: slot b*REPLACEMENTS + i, oldest first
    private int[] spareCounts = new int[1];
    private NodeId[] spareIds = new NodeId[REPLACEMENTS];
    private Address[] spareAddresses = new Address[REPLACEMENTS];

    public RoutingTable(NodeId own, int k, long goodForNanos, BucketPolicy policy, long now) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.own = own;
        this.k = k;
        this.goodForNanos = goodForNanos;
        this.policy = policy;
        this.lastChanged = new long[] {now};
        this.ids = new NodeId[k];
        this.addresses = new Address[k];
        this.lastSeen = new long[k];
        this.failures = new byte[k];
        this.answered = new boolean[k];
    }

    /**
     * A table holding {@code nodes} (distinct, none of them the own id), all good as of
     * {@code now}, as {@link #seen}{@code (node, true, now)} in that order would leave it when
     * no full bucket ever turns one away. {@code prefixes[i]} is how many leading bits node i
     * shares with the own id, known to the caller ({@link FilledTables} draws each node from
     * such a range), so no id is compared here: a simulation fills a million tables this way.
     *
     * @throws IllegalStateException if a node would meet a full bucket that cannot split
     */
    public static RoutingTable ofGoodNodes(NodeId own, int k, long goodForNanos, BucketPolicy policy, long now,
                                           Contact[] nodes, int[] prefixes, int count) {
        RoutingTable t = new RoutingTable(own, k, goodForNanos, policy, now);
        // bucket b's nodes are positions first[b].. of the order below; splits only ever move the last bucket's tail
        int[] bucketOf = new int[count];
        int[] sizes = new int[NodeId.BITS];
        int last = 0;
        int firstInLast = 0; // no node before this position is in the last bucket
        for (int i = 0; i < count; i++) {
            int p = prefixes[i];
            while (true) {
                int b = Math.min(p, last);
                if (sizes[b] < k) {
                    bucketOf[i] = b;
                    sizes[b]++;
                    break;
                }
                if (b != last || last == NodeId.BITS - 1) {
                    throw new IllegalStateException("bucket " + b + " of " + own.shortHex() + " is full");
                }
                int first = i;
                for (int j = firstInLast; j < i; j++) { // the last bucket splits: those sharing one more bit move on
                    if (bucketOf[j] == last && prefixes[j] > last) {
                        bucketOf[j] = last + 1;
                        sizes[last]--;
                        sizes[last + 1]++;
                        first = Math.min(first, j);
                    }
                }
                firstInLast = first;
                last++;
            }
        }
        t.buckets = last + 1;
        t.sizes = Arrays.copyOf(sizes, t.buckets);
        t.lastChanged = new long[t.buckets];
        Arrays.fill(t.lastChanged, now);
        t.spareCounts = new int[t.buckets];
        t.spareIds = new NodeId[t.buckets * REPLACEMENTS];
        t.spareAddresses = new Address[t.buckets * REPLACEMENTS];
        t.ids = new NodeId[t.buckets * k];
        t.addresses = new Address[t.buckets * k];
        t.lastSeen = new long[t.buckets * k];
        t.failures = new byte[t.buckets * k];
        t.answered = new boolean[t.buckets * k];
        int[] filled = new int[t.buckets];
        for (int i = 0; i < count; i++) { // in arrival order within each bucket, as seen() appends
            int b = bucketOf[i];
            t.set(b * k + filled[b]++, nodes[i].id(), nodes[i].address(), now, 0, true);
        }
        return t;
    }

    public NodeId own() {
        return own;
    }

    public int k() {
        return k;
    }

    /** Snapshots of the buckets, farthest (prefix 0) first. */
    public List<Bucket> buckets() {
        List<Bucket> all = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            all.add(bucket(b));
        }
        return all;
    }

    public int bucketCount() {
        return buckets;
    }

    public int size() {
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            n += sizes[b];
        }
        return n;
    }

    /** How many nodes bucket {@code b} holds. */
    public int sizeOf(int b) {
        return sizes[b];
    }

    public NodeState state(Entry e, long now) {
        return e.state(now, goodForNanos);
    }

    /** A snapshot of the bucket that covers {@code id}. */
    public Bucket bucketFor(NodeId id) {
        return bucket(indexFor(id));
    }

    private int indexFor(NodeId id) {
        return Math.min(own.commonPrefix(id), buckets - 1);
    }

    /**
     * {@code contact} answered one of our queries ({@code answered}) or sent us a query.
     *
     * @return an entry the caller should ping (a full bucket's questionable node, which the
     *         newcomer replaces if it stays silent), or null
     */
    public Entry seen(Contact contact, boolean answered, long now) {
        NodeId id = contact.id();
        if (id.equals(own)) {
            return null;
        }
        while (true) {
            int b = indexFor(id);
            int slot = find(b, id);
            if (slot >= 0) {
                if (!addresses[slot].equals(contact.address())) {
                    return null; // same id from elsewhere: keep the node we know (BEP 5 trusts the old one)
                }
                if (answered) {
                    this.answered[slot] = true;
                    failures[slot] = 0;
                }
                if (answered || this.answered[slot]) {
                    lastSeen[slot] = now;
                }
                moveToEnd(b, slot);
                lastChanged[b] = now;
                return null;
            }
            if (sizes[b] < k) {
                append(b, contact, answered, now);
                lastChanged[b] = now;
                return null;
            }
            if (b == buckets - 1 && buckets < NodeId.BITS) {
                split();
                continue;
            }
            BucketPolicy.Decision d = policy.whenFull(entriesOf(b), contact, now, goodForNanos);
            switch (d.action()) {
                case REPLACE -> {
                    removeSlot(b, chosen(b, d));
                    append(b, contact, answered, now);
                    lastChanged[b] = now;
                    return null;
                }
                case PING_FIRST -> {
                    chosen(b, d);
                    addReplacement(b, contact);
                    return d.entry();
                }
                default -> {
                    addReplacement(b, contact);
                    return null;
                }
            }
        }
    }

    /** The slot of the entry a policy chose; it must be one of the bucket's. */
    private int chosen(int b, BucketPolicy.Decision d) {
        int slot = d.entry() == null ? -1 : find(b, d.entry().contact().id());
        if (slot < 0) {
            throw new IllegalStateException("the bucket policy chose " + d.entry() + ", which is not in the bucket");
        }
        return slot;
    }

    /**
     * {@code contact} did not answer a query. After {@link Entry#BAD_AFTER_FAILURES} in a row it is
     * bad; with {@code replaceNow} (a ping sent because its bucket was full) it goes at once.
     * A bad node makes room for the newest node of the replacement cache.
     */
    public void failed(Contact contact, boolean replaceNow) {
        int b = indexFor(contact.id());
        int slot = find(b, contact.id());
        if (slot < 0 || !addresses[slot].equals(contact.address())) {
            return;
        }
        failures[slot] = (byte) Math.min(failures[slot] + 1, Byte.MAX_VALUE);
        if (replaceNow || failures[slot] >= Entry.BAD_AFTER_FAILURES) {
            int spares = spareCounts[b];
            if (spares > 0) {
                int spare = b * REPLACEMENTS + spares - 1;
                long seen = lastSeen[slot];
                removeSlot(b, slot);
                insertFirst(b, new Contact(spareIds[spare], spareAddresses[spare]), seen); // questionable until it answers
                spareIds[spare] = null;
                spareAddresses[spare] = null;
                spareCounts[b]--;
            } else if (replaceNow) {
                failures[slot] = (byte) Math.max(failures[slot], Entry.BAD_AFTER_FAILURES);
            }
        }
    }

    /** Removes a node outright (a test, or a node that answered with another id). */
    public void remove(Contact contact) {
        int b = indexFor(contact.id());
        int slot = find(b, contact.id());
        if (slot >= 0) {
            removeSlot(b, slot);
        }
    }

    /**
     * Up to {@code n} non-bad nodes closest to {@code target}, closest first. Answering
     * find_node and get_peers asks this for every query, so it reads only the buckets it needs.
     * Say the target shares {@code p} leading bits with the own id. Then bucket {@code p} holds
     * the closest nodes (they share at least p + 1 bits with the target), the buckets past it
     * come next (exactly p bits), then buckets p - 1, p - 2, ... 0, each wholly farther than the
     * one before. So it keeps the best n in a small sorted array, bucket group by bucket group,
     * and stops after the group that fills it.
     */
    public List<Contact> closest(NodeId target, int n) {
        int[] best = new int[n];
        int size = 0;
        int last = buckets - 1;
        int p = Math.min(own.commonPrefix(target), last);
        size = addClosest(target, best, size, p, p);
        if (p < last) {
            size = addClosest(target, best, size, p + 1, last);
        }
        for (int b = p - 1; b >= 0 && size < n; b--) {
            size = addClosest(target, best, size, b, b);
        }
        List<Contact> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(contactAt(best[i]));
        }
        return out;
    }

    /** Merges the non-bad nodes of buckets {@code from..to} into {@code best}, sorted by distance to the target; its new size. */
    private int addClosest(NodeId target, int[] best, int size, int from, int to) {
        int n = best.length;
        for (int b = from; b <= to; b++) {
            for (int slot = b * k, end = b * k + sizes[b]; slot < end; slot++) {
                if (failures[slot] >= Entry.BAD_AFTER_FAILURES) {
                    continue;
                }
                NodeId id = ids[slot];
                if (size == n && target.closer(id, ids[best[n - 1]]) >= 0) {
                    continue;
                }
                int at = size < n ? size++ : n - 1;
                while (at > 0 && target.closer(id, ids[best[at - 1]]) < 0) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = slot;
            }
        }
        return size;
    }

    /** Every node in the table, bucket by bucket. */
    public List<Contact> contacts() {
        List<Contact> all = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            for (int slot = b * k, end = b * k + sizes[b]; slot < end; slot++) {
                all.add(contactAt(slot));
            }
        }
        return all;
    }

    /** Buckets untouched for {@code idleNanos}: they need a refresh lookup. */
    public List<Bucket> idleBuckets(long now, long idleNanos) {
        List<Bucket> idle = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (now - lastChanged[b] >= idleNanos) {
                idle.add(bucket(b));
            }
        }
        return idle;
    }

    /** A refresh happened in this bucket (its lookup was sent). */
    public void touched(Bucket bucket, long now) {
        lastChanged[bucket.prefix()] = now;
    }

    // ---- the arrays ----

    private Bucket bucket(int b) {
        List<Contact> spares = new ArrayList<>(spareCounts[b]);
        for (int i = 0; i < spareCounts[b]; i++) {
            spares.add(new Contact(spareIds[b * REPLACEMENTS + i], spareAddresses[b * REPLACEMENTS + i]));
        }
        return new Bucket(b, entriesOf(b), lastChanged[b], List.copyOf(spares));
    }

    private List<Entry> entriesOf(int b) {
        List<Entry> entries = new ArrayList<>(sizes[b]);
        for (int slot = b * k, end = b * k + sizes[b]; slot < end; slot++) {
            entries.add(new Entry(contactAt(slot), lastSeen[slot], failures[slot], answered[slot]));
        }
        return List.copyOf(entries);
    }

    private Contact contactAt(int slot) {
        return new Contact(ids[slot], addresses[slot]);
    }

    private int find(int b, NodeId id) {
        for (int slot = b * k, end = b * k + sizes[b]; slot < end; slot++) {
            if (ids[slot] == id || ids[slot].equals(id)) {
                return slot;
            }
        }
        return -1;
    }

    private void set(int slot, NodeId id, Address address, long seen, int failed, boolean everAnswered) {
        ids[slot] = id;
        addresses[slot] = address;
        lastSeen[slot] = seen;
        failures[slot] = (byte) failed;
        answered[slot] = everAnswered;
    }

    private void copy(int from, int to) {
        set(to, ids[from], addresses[from], lastSeen[from], failures[from], answered[from]);
    }

    private void append(int b, Contact c, boolean hasAnswered, long now) {
        set(b * k + sizes[b]++, c.id(), c.address(), now, 0, hasAnswered);
    }

    /** Puts a node first, as least recently seen. */
    private void insertFirst(int b, Contact c, long seen) {
        for (int slot = b * k + sizes[b]; slot > b * k; slot--) {
            copy(slot - 1, slot);
        }
        set(b * k, c.id(), c.address(), seen, 0, false);
        sizes[b]++;
    }

    private void removeSlot(int b, int slot) {
        int last = b * k + sizes[b] - 1;
        for (int s = slot; s < last; s++) {
            copy(s + 1, s);
        }
        set(last, null, null, 0, 0, false);
        sizes[b]--;
    }

    private void moveToEnd(int b, int slot) {
        int last = b * k + sizes[b] - 1;
        if (slot == last) {
            return;
        }
        NodeId id = ids[slot];
        Address address = addresses[slot];
        long seen = lastSeen[slot];
        int failed = failures[slot];
        boolean everAnswered = answered[slot];
        for (int s = slot; s < last; s++) {
            copy(s + 1, s);
        }
        set(last, id, address, seen, failed, everAnswered);
    }

    private void addReplacement(int b, NodeId id, Address address) {
        int base = b * REPLACEMENTS;
        int count = spareCounts[b];
        for (int i = 0; i < count; i++) {
            if (spareIds[base + i].equals(id)) { // already waiting: it moves to the newest place
                System.arraycopy(spareIds, base + i + 1, spareIds, base + i, count - i - 1);
                System.arraycopy(spareAddresses, base + i + 1, spareAddresses, base + i, count - i - 1);
                count--;
                break;
            }
        }
        if (count == REPLACEMENTS) { // full: the oldest goes
            System.arraycopy(spareIds, base + 1, spareIds, base, count - 1);
            System.arraycopy(spareAddresses, base + 1, spareAddresses, base, count - 1);
            count--;
        }
        spareIds[base + count] = id;
        spareAddresses[base + count] = address;
        spareCounts[b] = count + 1;
    }

    private void addReplacement(int b, Contact c) {
        addReplacement(b, c.id(), c.address());
    }

    /** The last bucket (the one covering the own id) becomes two: those that share one more bit, and the rest. */
    private void split() {
        int last = buckets - 1;
        buckets++;
        sizes = Arrays.copyOf(sizes, buckets);
        lastChanged = Arrays.copyOf(lastChanged, buckets);
        lastChanged[buckets - 1] = lastChanged[last];
        spareCounts = Arrays.copyOf(spareCounts, buckets);
        spareIds = Arrays.copyOf(spareIds, buckets * REPLACEMENTS);
        spareAddresses = Arrays.copyOf(spareAddresses, buckets * REPLACEMENTS);
        ids = Arrays.copyOf(ids, buckets * k);
        addresses = Arrays.copyOf(addresses, buckets * k);
        lastSeen = Arrays.copyOf(lastSeen, buckets * k);
        failures = Arrays.copyOf(failures, buckets * k);
        answered = Arrays.copyOf(answered, buckets * k);
        int next = buckets - 1;
        int stay = last * k;
        for (int slot = last * k, end = last * k + sizes[last]; slot < end; slot++) {
            if (own.commonPrefix(ids[slot]) > last) {
                copy(slot, next * k + sizes[next]++);
            } else {
                copy(slot, stay++);
            }
        }
        for (int slot = stay; slot < last * k + sizes[last]; slot++) {
            set(slot, null, null, 0, 0, false);
        }
        sizes[last] = stay - last * k;
        // no waiting nodes to move: the last bucket splits instead of turning nodes away
    }
}
