package p2plab.kademlia.routing;

import java.util.Arrays;
import java.util.SplittableRandom;
import p2plab.common.cores.EveryCore;
import p2plab.common.transport.NodeSeeds;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * Routing tables filled directly, without a message, as a network that has been up a while
 * holds them: for each node and each bucket range (the ids that share exactly b leading bits
 * with its own), k nodes drawn at random from that range, all good; once the ids sharing
 * b + 1 bits number k or fewer besides its own, all of them. This is what BEP 5's refreshes
 * converge to, and what joining a hundred thousand nodes one by one cannot give in the time a
 * student waits.
 *
 * <p>Node i draws from a generator seeded by {@code NodeSeeds.of(seed, i)}, so its table is the
 * same whatever the number of cores the tables are computed on.
 */
public final class FilledTables {
    private FilledTables() {
    }

    /**
     * One table per node of {@code nodes}, in the same order, computed on all cores; every node
     * is good as of {@code now}. Pure: the nodes' own tables are not touched (their threads
     * adopt these).
     */
    public static RoutingTable[] fill(Contact[] nodes, SortedIds sorted, int k, long goodForNanos, BucketPolicy policy, long now,
                                      long seed) {
        RoutingTable[] tables = new RoutingTable[nodes.length];
        EveryCore.forEach(nodes.length, i ->
                tables[i] = table(i, nodes, sorted, k, goodForNanos, policy, now, new SplittableRandom(NodeSeeds.of(seed, i))));
        return tables;
    }

    /** The nodes' ids sorted, which {@link #fill} takes (and a caller may keep, to find the nodes closest to a key). */
    public static SortedIds sortedIds(Contact[] nodes) {
        return new SortedIds(Arrays.stream(nodes).map(Contact::id).toArray(NodeId[]::new));
    }

    /**
     * Node {@code self}'s table. Ranges from the farthest (b = 0) in, each the half of the run
     * left by the one before that the own id is not in; the table splits its last bucket as each
     * new range arrives, so no bucket is ever full when a node comes.
     */
    private static RoutingTable table(int self, Contact[] nodes, SortedIds sorted, int k, long goodForNanos, BucketPolicy policy,
                                      long now, SplittableRandom random) {
        NodeId own = nodes[self].id();
        Contact[] chosen = new Contact[k * 24];
        int[] prefixes = new int[chosen.length];
        int count = 0;
        int lo = 0;
        int hi = sorted.size();
        int[] picked = new int[k];
        for (int b = 0; b < NodeId.BITS; b++) {
            int mid = sorted.split(lo, hi, b);
            boolean one = own.bit(b);
            int farLo = one ? lo : mid;
            int size = one ? mid - lo : hi - mid;
            int draws = Math.min(k, size);
            if (count + draws + k + 1 > chosen.length) {
                chosen = Arrays.copyOf(chosen, chosen.length * 2);
                prefixes = Arrays.copyOf(prefixes, prefixes.length * 2);
            }
            for (int i = 0; i < draws; i++) {
                int at;
                do { // k different nodes of the range
                    at = size <= k ? farLo + i : farLo + random.nextInt(size);
                } while (contains(picked, i, at));
                picked[i] = at;
                chosen[count] = nodes[sorted.indexAt(at)];
                prefixes[count++] = b; // the range: exactly b bits in common
            }
            lo = one ? mid : lo;
            hi = one ? hi : mid;
            if (hi - lo <= k + 1) { // the own neighbourhood, the node itself included: all of it
                for (int at = lo; at < hi; at++) {
                    Contact c = nodes[sorted.indexAt(at)];
                    if (sorted.indexAt(at) != self) {
                        chosen[count] = c;
                        prefixes[count++] = own.commonPrefix(c.id());
                    }
                }
                break;
            }
        }
        return RoutingTable.ofGoodNodes(own, k, goodForNanos, policy, now, chosen, prefixes, count);
    }

    private static boolean contains(int[] a, int length, int v) {
        for (int i = 0; i < length; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
