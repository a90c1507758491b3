package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.workload.Popularity;

/**
 * One origin with an uplink worth 10 streams (200 kB/s at 20 kB/s each): with 2 listeners
 * nothing waits; with 8 the first chunk waits behind the others' data; with 32 the server
 * cannot keep up and playback stutters. Fixed seed, so the figures are the same every run.
 */
class SingleServerDegradesWithListenersTest {

    private static PlaySummary run(int listeners) throws Exception {
        try (SimTransport sim = Fixtures.sim(11)) {
            StreamingNetwork n = Fixtures.network(sim, listeners, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "server", "serverUpload", "200000", "cache", "0"), null);
            return Scenarios.summary(Scenarios.round(n, Popularity.spotify(50), new SplittableRandom(5), 5));
        }
    }

    @Test
    void latencyAndStuttersGrowWithTheNumberOfListeners() throws Exception {
        PlaySummary few = run(2);
        PlaySummary some = run(8);
        PlaySummary many = run(32);
        assertTrue(few.medianLatencyMs() < some.medianLatencyMs(), few + " / " + some);
        assertTrue(some.medianLatencyMs() < many.medianLatencyMs(), some + " / " + many);
        assertEquals(0, few.stuttersPerPlay());
        assertTrue(some.stuttersPerPlay() < many.stuttersPerPlay(), some + " / " + many);
        assertTrue(many.playsWithStutter() > 0.5, many.toString());
        assertEquals(1.0, many.share(p2plab.streaming.media.SourceKind.SERVER), 1e-9);
    }
}
