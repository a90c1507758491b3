package p2plab.labs.experiment.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;

/**
 * The experiment's lesson at a small scale (200 listeners, three hours, 500 tracks): the origin
 * of a single server sends everything, a CDN's origin only the edges' misses, the hybrid's
 * server only starts and rescues; more cache means less server in the hybrid.
 */
class StreamingExperimentTest {

    @Test
    void theHybridAndTheCdnSpareTheOriginAndCacheSparesTheServer() throws Exception {
        StreamingExperiment e = new StreamingExperiment();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("listeners", "200", "hours", "3", "tracks", "500",
                "history", "50", "cache-sweep", "0,100", "skew-sweep", "", "edge-cache", "50000")), 3);
        List<List<Object>> rows = r.table().rows();
        assertEquals(5, rows.size(), r.table().toText());
        double[] origin = r.table().column("origin_gb");
        double[] server = r.table().column("server_pct");
        assertEquals("server", rows.get(0).get(1));
        assertEquals(100.0, server[0] + r.table().column("cache_pct")[0], 0.01, "a single server sends all that is not cached");
        assertTrue(origin[1] < origin[0], "CDN origin " + origin[1] + " GB vs single server " + origin[0] + " GB");
        assertTrue(origin[2] < origin[0] && server[2] < server[0] / 2, r.table().toText());
        assertTrue(server[4] < server[3], "hybrid server share with cache 100 vs 0: " + r.table().toText());
        assertTrue(r.findings().get(2).contains("against Spotify"), r.findings().toString());
    }
}
