package p2plab.labs.experiment.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Progress;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.ResultTable;

/** lookup-cost: Kademlia's cost grows like log N while a full flood's grows like N; Weibull churn costs success. */
class LookupCostExperimentTest {

    private static int row(ResultTable t, String part, String variant, int peers) {
        List<List<Object>> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals(part) && rows.get(i).get(1).equals(variant) && rows.get(i).get(2).equals(peers)) {
                return i;
            }
        }
        throw new AssertionError("no row " + part + " " + variant + " " + peers + " in\n" + t.toText());
    }

    @Test
    void kademliaMessagesGrowFarSlowerThanAFullFloodAndEveryLookupSucceedsWithoutChurn() throws Exception {
        LookupCostExperiment e = new LookupCostExperiment();
        List<String> steps = new ArrayList<>();
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("peers", "50,400", "kademlia", "k8-a3",
                "lookups", "10", "files", "40", "weibull-shape", "0.5", "churn-peers", "40", "churn-minutes", "10")), 7,
                (what, done, total) -> steps.add(what));
        ResultTable t = r.table();
        double[] messages = t.column("messages_per_lookup");
        double[] success = t.column("success");
        double[] hops = t.column("hops");
        int kSmall = row(t, "size", "kademlia k=8 alpha=3", 50);
        int kLarge = row(t, "size", "kademlia k=8 alpha=3", 400);
        int fSmall = row(t, "size", "gnutella-flooding", 50);
        int fLarge = row(t, "size", "gnutella-flooding", 400);
        assertEquals(1.0, success[kSmall], 1e-9, "no churn: every lookup finds the closest node");
        assertEquals(1.0, success[kLarge], 1e-9, "no churn: every lookup finds the closest node");
        double kademliaGrowth = messages[kLarge] / messages[kSmall];
        double floodGrowth = messages[fLarge] / messages[fSmall];
        assertTrue(floodGrowth > 5, "a flood reaching all of 8x the peers costs about 8x: " + floodGrowth);
        assertTrue(kademliaGrowth < 2, "Kademlia's messages grow like log N: " + kademliaGrowth);
        assertTrue(hops[kLarge] <= Math.log(400) / Math.log(2), "rounds " + hops[kLarge] + " exceed log2 N");
        assertEquals(t.column("log2_n")[kLarge], Math.log(400) / Math.log(2), 1e-9);
        int napster = row(t, "size", "napster", 400);
        assertEquals(1.0, hops[napster], 1e-9, "the central index answers in one hop");
        // 2 sizes x 3 variants, then 1 shape x refresh on and off
        assertEquals(8, t.rows().size(), t.toText());
        assertEquals(8, steps.size(), "one progress step per configuration: " + steps);
        double[] changes = t.column("peer_changes");
        assertTrue(changes[6] > 0 && changes[7] > 0, "Weibull churn must churn: " + t.toText());
        assertTrue(r.plots().stream().anyMatch(p -> p.curves().stream().anyMatch(c -> c.name().equals("log2 N") && c.theory())));
    }

    @Test
    void aMisspelledConfigurationIsAOneLineError() {
        LookupCostExperiment e = new LookupCostExperiment();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> e.run(new Parameters(e.defaults(), Map.of("kademlia", "k8a3")), 1, Progress.NONE));
        assertTrue(x.getMessage().contains("k8-a3"), x.getMessage());
    }
}
