package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;

/**
 * A network large enough to be wired in several batches and to have its servents made on every
 * core gives, for a seed, the network and the figures the one-thread build gives (taken with
 * servents made on one thread, 512 handshakes to a batch): every peer's neighbours in the order it
 * made them, its known hosts, and searches from twenty peers, flooding and by random walks.
 */
class SameNetworkForASeedTest {
    private static final int PEERS = 20_000;

    /** Each peer's neighbours in order and its pong cache's size, folded into one number. */
    private static long fingerprint(Network n) {
        long h = 17;
        for (PeerInfo p : n.topology().peers()) {
            for (PeerId q : p.neighbours()) {
                h = h * 31 + q.value();
            }
            h = h * 31 + Integer.parseInt(p.details().get("known hosts"));
        }
        return h;
    }

    /** The network's fingerprint and the figures of a search from each of the first 20 peers, summed. */
    private static String build(Map<String, String> options, int ttl) throws Exception {
        try (SimTransport sim = SimTransport.withSeed(5);
             Network n = new GnutellaOverlay().create(new NetworkSpec("g", PEERS, null, 5, PeerSpec.UNLIMITED, options), sim)) {
            long messages = 0;
            long duplicates = 0;
            long reached = 0;
            for (int from = 0; from < 20; from++) {
                SearchResult r = sim.await(n.search(PeerId.of(from), new Query("nothing", ttl)), Duration.ofMinutes(1));
                messages += r.messages();
                duplicates += r.duplicates();
                reached += r.peersReached();
            }
            return fingerprint(n) + ": " + messages + " messages, " + duplicates + " duplicates, " + reached + " peers reached";
        }
    }

    @Test
    void floodingGivesTheNetworkAndFiguresOfTheOneThreadBuild() throws Exception {
        assertEquals("-3914836283867993622: 9629 messages, 86 duplicates, 9543 peers reached", build(Map.of("forwarding", "flooding"), 5));
    }

    @Test
    void randomWalksGiveTheFiguresOfTheOneThreadBuild() throws Exception {
        assertEquals("-3914836283867993622: 796 messages, 2 duplicates, 794 peers reached",
                build(Map.of("forwarding", "random-walk", "walkers", "16"), 10));
    }
}
