package p2plab.labs.commands.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.labs.session.Transcript;

/**
 * The flags of one {@code network create} (--trackerless, --k, --alpha) are that network's
 * only: the next create in the same shell starts from nothing.
 */
class NetworkCreateOptionsDoNotCarryOverTest {
    @Test
    void aTrackerlessSwarmThenAKademliaNetworkThenAPlainGnutellaOne() {
        String t = Transcript.of(List.of("network create bittorrent --peers 4 --trackerless --seed 1",
                "network create kademlia --peers 20 --k 4 --alpha 2 --seed 1",
                "network create gnutella --peers 10 --seed 1"));
        assertTrue(t.contains("created bittorrent-1"), t);
        assertTrue(t.contains("created kademlia-1"), t);
        assertTrue(t.contains("created gnutella-1"), t);
        assertFalse(t.contains("error:"), t);
    }
}
