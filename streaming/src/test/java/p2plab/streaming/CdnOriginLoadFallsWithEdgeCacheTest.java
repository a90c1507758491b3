package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.workload.Popularity;

/**
 * Two edges, 24 listeners, three rounds of Zipf plays over 50 tracks of 49 chunks. Every byte
 * a listener plays comes from its edge; what the origin sends is the edges' misses, so it
 * falls as the edges' caches grow: with no cache every chunk played crosses the origin once.
 */
class CdnOriginLoadFallsWithEdgeCacheTest {

    private static long originBytes(int edgeCacheChunks, long[] playedOut) throws Exception {
        try (SimTransport sim = Fixtures.sim(21)) {
            StreamingNetwork n = Fixtures.network(sim, 24, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "cdn", "edges", "2", "edgeCache",
                            Integer.toString(edgeCacheChunks), "cache", "0"), null);
            SplittableRandom r = new SplittableRandom(8);
            for (int round = 0; round < 3; round++) {
                Scenarios.round(n, Popularity.spotify(50), r, 10);
            }
            assertEquals(1.0, n.summary().share(SourceKind.EDGE), 1e-9);
            playedOut[0] = n.log().bytes(SourceKind.EDGE);
            return n.log().originBytes();
        }
    }

    @Test
    void theOriginSendsLessTheMoreTheEdgesCache() throws Exception {
        long[] played = new long[1];
        long none = originBytes(0, played);
        long small = originBytes(200, played);
        long large = originBytes(2_500, played);
        // without a cache every played chunk crosses the origin, but for listeners who wait for the same chunk at once
        assertTrue(none >= 0.9 * played[0] && none <= played[0], "origin " + none + ", played " + played[0]);
        assertTrue(small < none, small + " vs " + none);
        assertTrue(large < small, large + " vs " + small);
        // a cache that holds the catalogue fetches each distinct chunk at most once per edge
        assertTrue(large <= 2L * 50 * 800_000, Long.toString(large));
    }
}
