package p2plab.labs.experiment.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;

class ChurnExperimentTest {

    @Test
    void sessionTimesHaveTheMeanTheyAreAskedFor() {
        for (SessionTimes t : SessionTimes.values()) {
            SplittableRandom r = new SplittableRandom(3);
            double sum = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                sum += t.sample(100, r);
            }
            assertEquals(100, sum / n, t == SessionTimes.PARETO ? 8 : 2, t.name());
        }
        assertThrows(IllegalArgumentException.class, () -> SessionTimes.parse("weibull"));
    }

    @Test
    void withoutChurnEverySearchSucceedsAndHeavyChurnCostsRareFiles() throws Exception {
        ChurnExperiment e = new ChurnExperiment();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("overlays", "napster", "peers", "40", "files", "80",
                "queries", "20", "mean-session-s", "1000000,20")), 9);
        List<List<Object>> rows = r.table().rows();
        assertEquals(2, rows.size());
        double[] popular = r.table().column("popular_search_success");
        double[] rare = r.table().column("rare_search_success");
        double[] changes = r.table().column("peer_changes");
        assertEquals(1.0, popular[0], 1e-9, "no churn: every popular search finds a holder");
        assertEquals(1.0, rare[0], 1e-9, "no churn: every rare search finds a holder");
        assertEquals(0, changes[0], 1e-9);
        assertTrue(changes[1] > 40, "mean sessions of 20 s must churn");
        assertTrue(rare[1] < 1.0, "with sessions of 20 s some rare file's only holders are away");
    }

    @Test
    void protocolCodeThatThrowsEndsTheExperimentInsteadOfCountingAsChurn() {
        // The untouched student stub of lab 2 throws inside the servent's query handling.
        ChurnExperiment e = new ChurnExperiment();
        Parameters p = new Parameters(e.defaults(), Map.of("overlays", "gnutella", "peers", "20", "files", "40",
                "queries", "4", "mean-session-s", "1000000", "impl", "student"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> e.run(p, 9));

        assertTrue(error.getMessage().contains("protocol code threw") && error.getMessage().contains("UnsupportedOperation"),
                error.getMessage());
    }

    @Test
    void kademliaRunsInTheChurnExperimentAndFindsEverythingWithoutChurn() throws Exception {
        ChurnExperiment e = new ChurnExperiment();
        assertTrue(e.defaults().get("overlays").contains("kademlia"));
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("overlays", "kademlia", "peers", "40", "files", "60",
                "queries", "15", "mean-session-s", "1000000,60")), 9);
        double[] popular = r.table().column("popular_search_success");
        double[] rare = r.table().column("rare_search_success");
        assertEquals(1.0, popular[0], 1e-9, "no churn: every popular search finds a holder");
        assertEquals(1.0, rare[0], 1e-9, "no churn: every rare search finds a holder");
        assertTrue(r.table().column("peer_changes")[1] > 0, "sessions of 60 s churn");
    }

    @Test
    void whenTheTrackerDiesOnlyTheSwarmsWithADhtKeepGrowing() throws Exception {
        ChurnExperiment e = new ChurnExperiment();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("part", "tracker-death", "death-peers", "30",
                "death-early", "14", "death-file-kib", "256", "death-piece-kib", "16", "death-runs", "1", "death-limit-s", "120")), 4);
        List<List<Object>> rows = r.table().rows();
        assertEquals(List.of("tracker", "tracker+dht", "dht"), rows.stream().map(row -> row.get(0)).toList());
        double[] early = r.table().column("early_done");
        double[] withPeer = r.table().column("late_with_peer");
        double[] lateDone = r.table().column("late_done");
        for (int i = 0; i < 3; i++) {
            assertEquals(14, early[i], 1e-9, "every early peer completes, tracker or not: " + rows.get(i));
        }
        assertEquals(0, withPeer[0], 1e-9, "tracker alone: no late peer ever meets the swarm");
        assertEquals(0, lateDone[0], 1e-9);
        assertEquals(15, lateDone[1], 1e-9, "tracker and DHT: every late peer completes");
        assertEquals(15, lateDone[2], 1e-9, "DHT alone: likewise");
        assertEquals(2, r.plots().size());
        assertThrows(IllegalArgumentException.class, () -> e.run(new Parameters(e.defaults(), Map.of("part", "tracker")), 4));
    }
}
