package p2plab.kademlia.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/** Buckets with k = 2 around the own id 00..00, by hand. */
class RoutingTableTest {
    private static final long GOOD_FOR = Duration.ofMinutes(15).toNanos();
    private final RoutingTable table = new RoutingTable(id("00"), 2, GOOD_FOR, BucketPolicies.bep5(), 0);

    @Test
    void onlyTheBucketCoveringTheOwnIdSplits() {
        table.seen(c("80"), true, 1);
        table.seen(c("c0"), true, 2);
        assertEquals(1, table.buckets().size(), "one bucket holds k nodes before any split");

        table.seen(c("40"), true, 3);   // full, and it covers the own id: split into [1...] and [0...]
        table.seen(c("20"), true, 4);
        table.seen(c("10"), true, 5);   // [0...] full again: split into [01..] and [00...]
        table.seen(c("a0"), true, 6);   // [1...] is full and does not cover the own id: no split

        assertEquals(List.of(0, 1, 2), table.buckets().stream().map(Bucket::prefix).toList());
        assertEquals(List.of(List.of(c("80"), c("c0")), List.of(c("40")), List.of(c("20"), c("10"))),
                table.buckets().stream().map(b -> b.entries().stream().map(Entry::contact).toList()).toList());
        assertEquals(List.of(c("a0")), table.buckets().get(0).replacements(), "a node of a full bucket of good nodes waits");
    }

    @Test
    void aFullBucketPingsItsLeastRecentlySeenQuestionableNodeAndReplacesItIfSilent() {
        fillFarBucket();
        long later = GOOD_FOR + 10;     // 80 and c0 have been silent for 15 minutes: questionable
        Entry toPing = table.seen(c("a0"), true, later);
        assertEquals(c("80"), toPing.contact());
        assertEquals(NodeState.QUESTIONABLE, table.state(toPing, later));

        table.failed(c("80"), true);    // the ping went unanswered

        assertEquals(List.of(c("a0"), c("c0")), table.buckets().get(0).entries().stream().map(Entry::contact).toList());
    }

    @Test
    void aNodeIsBadAfterTwoUnansweredQueriesAndIsReplacedAtOnce() {
        fillFarBucket();
        table.seen(c("a0"), true, 3);           // both good: waits in the replacement cache
        table.failed(c("c0"), false);
        assertEquals(NodeState.GOOD, table.state(table.buckets().get(0).entries().get(1), 4), "one miss is not enough");
        table.failed(c("c0"), false);

        assertEquals(List.of(c("a0"), c("80")), table.buckets().get(0).entries().stream().map(Entry::contact).toList());
    }

    @Test
    void closestSortsByXorDistance() {
        fillFarBucket();
        table.seen(c("40"), true, 3);
        table.seen(c("20"), true, 4);
        assertEquals(List.of(c("c0"), c("80"), c("40")), table.closest(id("d0"), 3));
        assertEquals(List.of(c("20"), c("40")), table.closest(id("00"), 2));
    }

    @Test
    void closestReadsOnlyTheBucketsItNeedsAndAgreesWithSortingTheWholeTable() {
        SplittableRandom random = new SplittableRandom(3);
        NodeId own = NodeId.random(random);
        RoutingTable big = new RoutingTable(own, 4, GOOD_FOR, BucketPolicies.bep5(), 0);
        for (int i = 0; i < 2_000; i++) {
            // ids ever nearer the own id, so that many buckets fill
            NodeId id = own.randomWithPrefix(random.nextInt(24), random);
            big.seen(new Contact(id, new Address("127.0.0.1", 1 + i)), true, i);
        }
        assertTrue(big.bucketCount() > 10, "buckets: " + big.bucketCount());
        List<Contact> all = big.contacts();
        for (int t = 0; t < 300; t++) {
            NodeId target = t % 3 == 0 ? own.randomWithPrefix(random.nextInt(30), random) : NodeId.random(random);
            for (int n : new int[] {1, 4, 9, 40}) {
                List<Contact> sorted = all.stream().sorted((a, b) -> target.closer(a.id(), b.id())).limit(n).toList();
                assertEquals(sorted, big.closest(target, n), "target " + target + ", n = " + n);
            }
        }
    }

    @Test
    void theOwnIdAndAKnownIdFromAnotherAddressAreIgnored() {
        assertNull(table.seen(new Contact(id("00"), new Address("127.0.0.1", 1)), true, 1));
        table.seen(c("80"), true, 1);
        table.seen(new Contact(id("80"), new Address("127.0.0.9", 9)), true, 2);
        assertEquals(1, table.size());
        assertEquals(0, table.bucketFor(id("80")).prefix());
        assertEquals(c("80").address(), table.contacts().get(0).address());
    }

    private void fillFarBucket() {
        table.seen(c("80"), true, 1);
        table.seen(c("c0"), true, 2);
        table.seen(c("40"), true, 2);   // splits: 80 and c0 now fill bucket [1...]
    }

    private static NodeId id(String firstByte) {
        return NodeId.ofHex(firstByte + "00".repeat(19));
    }

    private static Contact c(String firstByte) {
        return new Contact(id(firstByte), new Address("127.0.0." + Integer.parseInt(firstByte, 16), 6881));
    }
}
