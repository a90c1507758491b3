package p2plab.labs.report;

import java.util.List;
import java.util.Map;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.labs.experiment.ResultTable;

/**
 * A metrics snapshot as CSV, one row per slice:
 * {@code scope,key,messagesSent,bytesSent,messagesReceived,bytesReceived,dropped,rejected}
 * where scope is total, overlay, type or peer. Written by {@link ResultTable}, the one CSV writer.
 */
public final class MetricsCsv {
    public static final List<String> COLUMNS = List.of("scope", "key", "messagesSent", "bytesSent", "messagesReceived",
            "bytesReceived", "dropped", "rejected");

    private MetricsCsv() {
    }

    public static String of(MetricsSnapshot s) {
        ResultTable t = new ResultTable(COLUMNS);
        row(t, "total", "total", s.total());
        rows(t, "overlay", s.byOverlay());
        rows(t, "type", s.byType());
        rows(t, "peer", s.byPeer());
        return t.toCsv();
    }

    private static void rows(ResultTable t, String scope, Map<String, Counts> slices) {
        slices.forEach((key, c) -> row(t, scope, key, c));
    }

    private static void row(ResultTable t, String scope, String key, Counts c) {
        t.add(scope, key, c.messagesSent(), c.bytesSent(), c.messagesReceived(), c.bytesReceived(), c.dropped(), c.rejected());
    }
}
