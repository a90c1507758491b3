package p2plab.kademlia.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.NodeId;

/** What remote peers put here expires and is capped. */
class PeerStoreTest {
    private static final NodeId A = NodeId.sha1("a");
    private static final NodeId B = NodeId.sha1("b");
    private static final NodeId C = NodeId.sha1("c");

    @Test
    void anAnnouncementExpiresUnlessRenewed() {
        PeerStore store = new PeerStore(100, 10, 10);
        store.announce(A, peer(1), 0);
        store.announce(A, peer(2), 50);
        assertEquals(List.of(peer(2), peer(1)), store.peers(A, 10, 99));
        store.announce(A, peer(1), 120);   // renewed
        assertEquals(List.of(peer(1)), store.peers(A, 10, 150));
        assertEquals(List.of(), store.peers(A, 10, 220));
        assertEquals(0, store.keys());
    }

    @Test
    void aKeyKeepsItsNewestPeersAndTheStoreItsNewestKeys() {
        PeerStore store = new PeerStore(1_000, 2, 2);
        store.announce(A, peer(1), 0);
        store.announce(A, peer(2), 1);
        store.announce(A, peer(3), 2);
        assertEquals(List.of(peer(3), peer(2)), store.peers(A, 10, 3));

        store.announce(B, peer(4), 4);
        store.announce(C, peer(5), 5);  // a third key: the least recently announced (A) goes
        assertEquals(List.of(), store.peers(A, 10, 6));
        assertEquals(List.of(peer(4)), store.peers(B, 10, 6));
        assertEquals(2, store.keys());
        assertEquals(List.of(peer(5)), store.peers(C, 1, 6));
    }

    private static Address peer(int n) {
        return new Address("127.0.0." + n, 6881);
    }
}
