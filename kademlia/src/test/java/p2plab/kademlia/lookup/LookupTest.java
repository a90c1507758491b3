package p2plab.kademlia.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/** The lookup state machine on fixed ids: target 00..., so a contact's XOR distance is its own id. */
class LookupTest {
    private static final NodeId ZERO = NodeId.ofHex("00".repeat(20));
    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void kademliasStepMergesNewContactsOnceAndStopsWhenTheKClosestAnswered() {
        Lookup l = new Lookup(ZERO, 2, 1, NextHopPolicy.closestFirst(), List.of(c("40"), c("20")));
        assertEquals(List.of(c("20")), l.next(random));
        l.answered(c("20"), List.of(c("10"), c("40"), c("10")), List.of(), null); // 40 known, 10 twice: one new candidate
        assertFalse(l.done());
        assertEquals(List.of(c("10")), l.next(random));
        l.answered(c("10"), List.of(c("20")), List.of(), null);
        assertTrue(l.done(), "10 and 20, the 2 closest, answered; 40 is never asked");
        LookupResult r = l.result();
        assertEquals(List.of(c("10"), c("20")), r.closest());
        assertEquals(2, r.queries());
        assertEquals(2, r.rounds());
    }

    @Test
    void aMergeThatAddsAKnownContactIsRefused() {
        NextHopPolicy mergesAll = new ClosestPick() {
            @Override
            public List<Contact> merge(NodeId target, List<Contact> known, List<Contact> answer) {
                return answer;
            }
        };
        Lookup l = new Lookup(ZERO, 2, 1, mergesAll, List.of(c("40"), c("20")));
        l.next(random);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.answered(c("20"), List.of(c("40")), List.of(), null));
        assertTrue(e.getMessage().contains("a candidate already"), e.getMessage());
    }

    @Test
    void aStopRuleThatNeverStopsStillEndsWhenNothingIsLeftToAsk() {
        NextHopPolicy never = new ClosestPick() {
            @Override
            public boolean done(List<Progress> closestFirst, int k) {
                return false;
            }
        };
        Lookup l = new Lookup(ZERO, 2, 3, never, List.of(c("40"), c("20"), c("10")));
        List<Contact> asked = l.next(random);
        assertEquals(3, asked.size());
        asked.forEach(c -> l.answered(c, List.of(), List.of(), null));
        assertTrue(l.done(), "everyone asked and answered");
        assertEquals(3, l.result().queries(), "it asked the far 40 too: the stop rule never said stop");
    }

    /** Kademlia's pick, for policies that change the merge or the stop rule. */
    private abstract static class ClosestPick implements NextHopPolicy {
        @Override
        public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator r) {
            return NextHopPolicy.closestFirst().choose(target, unqueried, slots, r);
        }
    }

    /**
     * Answerers that each name 56 fresh contacts closer than themselves (a datagram's worth) and
     * 100 fresh peers: a lookup that follows them keeps at most {@link Lookup#MAX_CANDIDATES}
     * candidates and {@link Lookup#MAX_PEERS} peers, however long it goes on.
     */
    @Test
    void answersThatKeepNamingCloserContactsCannotGrowTheLookupWithoutEnd() {
        Lookup l = new Lookup(ZERO, 8, 1, NextHopPolicy.closestFirst(), List.of(id(1_000_000)));
        int port = 1;
        for (int round = 1; round <= 150; round++) {
            List<Contact> asked = l.next(random);
            assertEquals(1, asked.size(), "round " + round);
            List<Contact> closer = new java.util.ArrayList<>();
            for (int j = 1; j <= 56; j++) {
                closer.add(id(1_000_000 - round * 100 - j));
            }
            List<Address> peers = new java.util.ArrayList<>();
            for (int j = 0; j < 100; j++) {
                peers.add(new Address("127.0.0.2", port++));
            }
            l.answered(asked.get(0), closer, peers, null);
            assertTrue(l.candidateCount() <= Lookup.MAX_CANDIDATES, "candidates " + l.candidateCount());
        }
        assertFalse(l.done(), "still following the answers");
        assertEquals(Lookup.MAX_CANDIDATES, l.candidateCount(), "the asked ones and the closest not asked");
        assertEquals(Lookup.MAX_PEERS, l.result().peers().size());
        assertEquals(new Address("127.0.0.2", 1), l.result().peers().get(0), "the first peers found are kept");
    }

    /** The same answerers, followed to the end: the lookup stops after {@link Lookup#MAX_QUERIES} queries. */
    @Test
    void answersThatKeepNamingCloserContactsCannotLeadTheLookupOnForEver() {
        Lookup l = new Lookup(ZERO, 8, 3, NextHopPolicy.closestFirst(), List.of(id(100_000_000)));
        int next = 100_000_000;
        int rounds = 0;
        while (!l.done() && rounds++ < 10 * Lookup.MAX_QUERIES) {
            for (Contact asked : l.next(random)) {
                List<Contact> closer = new java.util.ArrayList<>();
                for (int j = 0; j < 8; j++) {
                    closer.add(id(--next));
                }
                l.answered(asked, closer, List.of(), null);
            }
        }
        assertTrue(l.done(), "the lookup ended");
        assertEquals(Lookup.MAX_QUERIES, l.result().queries());
        assertEquals(8, l.result().closest().size(), "with the closest that answered");
        assertTrue(l.next(random).isEmpty());
    }

    /** A contact whose id, read as a number, is {@code value}: its distance to the target 00... */
    private static Contact id(int value) {
        byte[] b = new byte[20];
        java.nio.ByteBuffer.wrap(b).putInt(16, value);
        return new Contact(NodeId.of(b), new Address("127.0.0.1", 1 + value % 60_000));
    }

    private static Contact c(String firstByte) {
        return new Contact(NodeId.ofHex(firstByte + "00".repeat(19)), new Address("127.0.0.1", Integer.parseInt(firstByte, 16)));
    }
}
