package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.workload.Popularity;

/**
 * The hybrid, 30 listeners, rounds of Zipf plays from empty caches: in the first round nearly
 * everything comes from the server; as tracks land in caches, later plays find peers (and
 * their own cache), and the server's share falls round after round. (Tracks are 40 s here, so
 * the 15 s the server always sends is 37% of a track not in the cache.)
 */
class HybridServerShareFallsAsCachesFillTest {

    @Test
    void theServerShareFallsRoundAfterRound() throws Exception {
        try (SimTransport sim = Fixtures.sim(31)) {
            StreamingNetwork n = Fixtures.network(sim, 30, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "hybrid", "cache", "20"), null);
            SplittableRandom r = new SplittableRandom(9);
            Popularity p = Popularity.spotify(50);
            double[] server = new double[4];
            for (int round = 0; round < server.length; round++) {
                List<PlayRecord> plays = Scenarios.round(n, p, r, 10);
                PlaySummary s = Scenarios.summary(plays);
                server[round] = s.share(SourceKind.SERVER);
            }
            assertTrue(server[0] > 0.8, "first round: " + server[0]);
            assertTrue(server[1] < server[0] && server[3] < server[1], java.util.Arrays.toString(server));
            assertTrue(server[3] < 0.3, java.util.Arrays.toString(server));
            PlaySummary all = n.summary();
            assertTrue(all.share(SourceKind.PEER) > 0.15 && all.share(SourceKind.CACHE) > 0.1, all.toString());
        }
    }
}
