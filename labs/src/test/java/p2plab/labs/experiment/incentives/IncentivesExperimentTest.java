package p2plab.labs.experiment.incentives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;

class IncentivesExperimentTest {

    /**
     * The lesson of part one: when the leechers' own uploads are what the swarm runs on (30
     * leechers, a seed at 5u), tit-for-tat makes free-riders wait, and random unchokes do not.
     */
    @Test
    void titForTatMakesFreeRidersWaitAndRandomUnchokesDoNot() throws Exception {
        IncentivesExperiment e = new IncentivesExperiment();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("free-rider-share", "0.33", "pickers", "rarest",
                "file-kib", "4096")), 1);
        double[] contributors = r.table().column("contributor_mean_s");
        double[] riders = r.table().column("free_rider_mean_s");
        java.util.List<Object> chokers = new java.util.ArrayList<>();
        for (java.util.List<Object> row : r.table().rows()) {
            chokers.add(row.get(1));
        }
        double tft = riders[chokers.indexOf("tit-for-tat")] / contributors[chokers.indexOf("tit-for-tat")];
        double random = riders[chokers.indexOf("random")] / contributors[chokers.indexOf("random")];
        assertTrue(tft > 1.1, "tit-for-tat: free-riders took " + tft + " x the contributors' time");
        assertTrue(random < tft - 0.05, "random unchokes: " + random + " x, tit-for-tat: " + tft + " x");
    }

    @Test
    void everyLeecherFinishesAndReplicationIsTracedOverTime() throws Exception {
        IncentivesExperiment e = new IncentivesExperiment();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("leechers", "8", "free-rider-share", "0,0.25",
                "file-kib", "1024")), 4);
        // 2 chokers x 2 shares + 2 pickers
        assertEquals(6, r.table().rows().size());
        for (double done : r.table().column("completed")) {
            assertEquals(8, done, 0.0, "every leecher, free-riders included, ends with the file");
        }
        double[] riders = r.table().column("free_riders");
        double[] riderTime = r.table().column("free_rider_mean_s");
        for (int i = 0; i < riders.length; i++) {
            assertEquals(riders[i] > 0, !Double.isNaN(riderTime[i]), "row " + i);
        }
        Plot replication = r.plots().get(1);
        for (Plot.Curve c : replication.curves()) {
            assertTrue(c.x().length > 2, c.name());
            double[] y = c.y();
            assertTrue(y[y.length - 1] >= y[0], c.name() + " should not fall as pieces spread");
        }
        List<String> names = replication.curves().stream().map(Plot.Curve::name).toList();
        assertTrue(names.contains("min replication, rarest") && names.contains("min replication, random"), names.toString());
    }

    @Test
    void theRandomChokerServesOnlyInterestedPeersUpToItsSlots() {
        RoundRobinChoker c = new RoundRobinChoker(2);
        var peers = List.of(new p2plab.bittorrent.choke.ChokeCandidate("a", true, 0, 0, false, 0, false),
                new p2plab.bittorrent.choke.ChokeCandidate("b", false, 9, 0, false, 0, false),
                new p2plab.bittorrent.choke.ChokeCandidate("c", true, 0, 0, false, 0, false),
                new p2plab.bittorrent.choke.ChokeCandidate("d", true, 0, 0, false, 0, false));
        var chosen = c.unchoke(peers, false, 0, new java.util.SplittableRandom(1));
        assertEquals(2, chosen.size());
        assertTrue(!chosen.contains("b"));
    }
}
