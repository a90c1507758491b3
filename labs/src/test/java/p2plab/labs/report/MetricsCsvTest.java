package p2plab.labs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;

/** {@code export --csv}: one row per slice, written by the one CSV writer (a peer label with a comma, quote and newline survives). */
class MetricsCsvTest {

    @Test
    void metricsExportGoesThroughTheSameWriter() {
        Counts c = new Counts(1, 2, 3, 4, 5, 6);
        MetricsSnapshot s = new MetricsSnapshot(0, c, Map.of("napster", c), Map.of("napster/Search", c),
                Map.of("peer, \"seven\"\n", c));
        assertEquals("scope,key,messagesSent,bytesSent,messagesReceived,bytesReceived,dropped,rejected\n"
                + "total,total,1,2,3,4,5,6\n"
                + "overlay,napster,1,2,3,4,5,6\n"
                + "type,napster/Search,1,2,3,4,5,6\n"
                + "peer,\"peer, \"\"seven\"\"\n\",1,2,3,4,5,6\n", MetricsCsv.of(s));
    }
}
