package p2plab.labs.report;

import java.util.Map;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;

/**
 * A metrics snapshot as CSV, one row per slice:
 * {@code scope,key,messagesSent,bytesSent,messagesReceived,bytesReceived,dropped,rejected}
 * where scope is total, overlay, type or peer.
 */
public final class MetricsCsv {
    public static final String HEADER = "scope,key,messagesSent,bytesSent,messagesReceived,bytesReceived,dropped,rejected";

    private MetricsCsv() {
    }

    public static String of(MetricsSnapshot s) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        row(b, "total", "total", s.total());
        rows(b, "overlay", s.byOverlay());
        rows(b, "type", s.byType());
        rows(b, "peer", s.byPeer());
        return b.toString();
    }

    private static void rows(StringBuilder b, String scope, Map<String, Counts> slices) {
        slices.forEach((key, c) -> row(b, scope, key, c));
    }

    private static void row(StringBuilder b, String scope, String key, Counts c) {
        b.append(scope).append(',').append(quote(key)).append(',').append(c.messagesSent()).append(',').append(c.bytesSent())
                .append(',').append(c.messagesReceived()).append(',').append(c.bytesReceived()).append(',')
                .append(c.dropped()).append(',').append(c.rejected()).append('\n');
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
