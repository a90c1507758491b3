package p2plab.labs.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What the server sends the page over the WebSocket, one JSON object per message; a recording
 * is the same objects, one per line.
 */
public final class Frames {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Frames() {
    }

    /** The whole graph: sent when a page connects and whenever peers or links change. */
    public record Topology(String frame, String network, String overlay, List<Peer> peers, List<List<String>> edges) {
        public Topology(String network, String overlay, List<Peer> peers, List<List<String>> edges) {
            this("topology", network, overlay, peers, edges);
        }
    }

    /** One peer as drawn: label, role, alive, and overlay facts such as {@code pieces}. */
    public record Peer(String id, String role, boolean alive, Map<String, String> details) {
    }

    /**
     * The events of one tick.
     *
     * @param at   wall-clock milliseconds when the server sent it (the page measures its lag)
     * @param shed events dropped so far because the page was behind
     */
    public record Batch(String frame, long seq, long at, List<ViewEvent> events, long shed) {
        public Batch(long seq, long at, List<ViewEvent> events, long shed) {
            this("batch", seq, at, events, shed);
        }
    }

    public static String json(Object frame) {
        try {
            return MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
