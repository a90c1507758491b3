package p2plab.common.metrics;

import java.util.Map;

/**
 * The transport's counters at one moment, by overlay, by message type ({@code overlay/Type})
 * and by peer. Maps are ordered (overlays and types by name, peers in the order they joined),
 * so the same run always gives the same JSON.
 */
public record MetricsSnapshot(double timeMillis, Counts total, Map<String, Counts> byOverlay,
                              Map<String, Counts> byType, Map<String, Counts> byPeer) {

    /** Messages sent of one type, e.g. {@code messagesSent("gnutella/Query")}. */
    public long messagesSent(String overlayAndType) {
        Counts c = byType.get(overlayAndType);
        return c == null ? 0 : c.messagesSent();
    }

    public String toJson() {
        return Json.write(this);
    }
}
