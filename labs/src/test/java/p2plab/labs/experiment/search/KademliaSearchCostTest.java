package p2plab.labs.experiment.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;

/** search-cost with Kademlia beside flooding: every search succeeds, for far fewer messages than a flood that reaches as far. */
class KademliaSearchCostTest {

    @Test
    void kademliaFindsEveryFileForFewerMessagesThanFlooding() throws Exception {
        SearchCostExperiment e = new SearchCostExperiment();
        assertTrue(e.defaults().get("variants").contains("kademlia"));
        ExperimentReport r = e.run(new Parameters(e.defaults(), Map.of("variants", "gnutella-flooding,kademlia", "peers", "200",
                "ttl", "4", "files", "100", "queries", "20")), 3);
        List<List<Object>> rows = r.table().rows();
        assertEquals(2, rows.size());
        double[] messages = r.table().column("messages_per_query");
        double[] success = r.table().column("success");
        assertEquals(1.0, success[1], 1e-9, "Kademlia finds every shared file");
        assertTrue(messages[1] < messages[0], "Kademlia " + messages[1] + " vs flooding " + messages[0] + " messages per query");
    }
}
