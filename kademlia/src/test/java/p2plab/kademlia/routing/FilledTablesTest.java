package p2plab.kademlia.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/** Tables filled directly hold what the rule says, exactly, checked against every pair of a small network. */
class FilledTablesTest {
    private static final int K = 4;
    private static final long NOW = 123_456_789L;
    private static final long GOOD_FOR = 900_000_000_000L;

    private static Contact[] nodes(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Contact[] nodes = new Contact[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = new Contact(NodeId.random(random), new Address("10.0." + (i >> 8) + "." + (i & 255), 6881));
        }
        return nodes;
    }

    private static RoutingTable[] fill(Contact[] nodes, long seed) {
        return FilledTables.fill(nodes, FilledTables.sortedIds(nodes), K, GOOD_FOR, BucketPolicies.bep5(), NOW, seed);
    }

    @Test
    void everyRangeGivesKNodesOfItsOwnAndTheNeighbourhoodIsWhole() {
        Contact[] nodes = nodes(300, 7);
        RoutingTable[] tables = fill(nodes, 1);
        for (int i = 0; i < nodes.length; i++) {
            NodeId own = nodes[i].id();
            // brute force: how many others share exactly b bits with this node, and which
            List<List<Contact>> ranges = new ArrayList<>();
            for (int b = 0; b <= NodeId.BITS; b++) {
                ranges.add(new ArrayList<>());
            }
            for (int j = 0; j < nodes.length; j++) {
                if (j != i) {
                    ranges.get(own.commonPrefix(nodes[j].id())).add(nodes[j]);
                }
            }
            // the rule stops at the first b whose "b + 1 bits or more" set holds at most k others
            int stop = 0;
            while (moreThan(ranges, stop + 1) > K) {
                stop++;
            }
            Set<Contact> held = new HashSet<>(tables[i].contacts());
            assertEquals(tables[i].size(), held.size(), "no node twice");
            int expected = 0;
            for (int b = 0; b <= stop; b++) {
                List<Contact> range = ranges.get(b);
                long inTable = range.stream().filter(held::contains).count();
                assertEquals(Math.min(K, range.size()), inTable, "node " + i + ", range " + b);
                expected += Math.min(K, range.size());
            }
            for (int b = stop + 1; b <= NodeId.BITS; b++) {
                assertTrue(held.containsAll(ranges.get(b)), "node " + i + " knows its whole neighbourhood");
                expected += ranges.get(b).size();
            }
            assertEquals(expected, tables[i].size(), "node " + i + " holds nothing else");
            for (Bucket bucket : tables[i].buckets()) {
                for (Entry e : bucket.entries()) {
                    assertEquals(NodeState.GOOD, tables[i].state(e, NOW), "every node good");
                }
            }
        }
    }

    /** Everything a table holds, bucket by bucket (an entry is a snapshot without equals). */
    private static List<String> described(RoutingTable t) {
        List<String> out = new ArrayList<>();
        for (Bucket b : t.buckets()) {
            out.add("bucket " + b.prefix() + " changed " + b.lastChanged() + " spares " + b.replacements());
            for (Entry e : b.entries()) {
                out.add(e.contact() + " seen " + e.lastSeen() + " failures " + e.failures() + " answered " + e.everAnswered());
            }
        }
        return out;
    }

    private static int moreThan(List<List<Contact>> ranges, int from) {
        int n = 0;
        for (int b = from; b < ranges.size(); b++) {
            n += ranges.get(b).size();
        }
        return n;
    }

    @Test
    void aSeedGivesTheSameTablesAndAnotherSeedOthers() {
        Contact[] nodes = nodes(500, 3);
        RoutingTable[] a = fill(nodes, 5);
        RoutingTable[] b = fill(nodes, 5);
        RoutingTable[] c = fill(nodes, 6);
        int differ = 0;
        for (int i = 0; i < nodes.length; i++) {
            assertEquals(described(a[i]), described(b[i]), "node " + i);
            differ += a[i].contacts().equals(c[i].contacts()) ? 0 : 1;
        }
        assertNotEquals(0, differ, "another seed draws other nodes");
    }

    /** The direct construction leaves the table as seen() in the same order would. */
    @Test
    void buildingWholeEqualsSeeingTheNodesOneAfterTheOther() {
        Contact[] nodes = nodes(2_000, 11);
        RoutingTable[] filled = fill(nodes, 2);
        for (int i = 0; i < nodes.length; i += 97) {
            RoutingTable seen = new RoutingTable(nodes[i].id(), K, GOOD_FOR, BucketPolicies.bep5(), NOW);
            for (Contact x : filled[i].contacts()) { // bucket by bucket, farthest first: the order they were drawn in
                assertEquals(null, seen.seen(x, true, NOW));
            }
            assertEquals(described(filled[i]), described(seen), "node " + i);
        }
    }

    @Test
    void theClosestIdsAreTheClosestByXor() {
        Contact[] nodes = nodes(1_000, 13);
        SortedIds sorted = FilledTables.sortedIds(nodes);
        SplittableRandom random = new SplittableRandom(4);
        for (int t = 0; t < 200; t++) {
            NodeId target = t % 2 == 0 ? NodeId.random(random) : nodes[random.nextInt(nodes.length)].id();
            int n = 1 + random.nextInt(12);
            List<NodeId> expected = new ArrayList<>();
            for (Contact c : nodes) {
                expected.add(c.id());
            }
            expected.sort(target::closer);
            int[] got = sorted.closest(target, n);
            List<NodeId> gotIds = new ArrayList<>();
            for (int index : got) {
                gotIds.add(nodes[index].id());
            }
            assertEquals(expected.subList(0, n), gotIds, "target " + target.shortHex() + ", n " + n);
        }
    }
}
