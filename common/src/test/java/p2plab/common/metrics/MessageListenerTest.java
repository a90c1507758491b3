package p2plab.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live view's hook: one listener hears every counted message, and with none nothing changes. */
class MessageListenerTest {
    private final Metrics metrics = new Metrics(() -> 0L);
    private final int base = metrics.registerTypes("g", List.of("Query", "Hit"));
    private final PeerCounters a = metrics.newPeer("p1");
    private final PeerCounters b = metrics.newPeer("p2");

    @Test
    void theListenerHearsSentAndDeliveredWithTypeAndKey() {
        List<String> heard = new ArrayList<>();
        assertFalse(metrics.tracing(), "no tally, no listener: drivers skip the trace key");
        metrics.listen(new MessageListener() {
            @Override
            public void sent(String peer, String type, Object key) {
                heard.add("sent " + peer + " " + type + " " + key);
            }

            @Override
            public void delivered(String peer, String type, Object key) {
                heard.add("delivered " + peer + " " + type + " " + key);
            }
        });
        assertTrue(metrics.tracing(), "a listener wants the trace keys");
        metrics.sent(a, base, 10, "q1");
        metrics.received(b, base, 10, "q1");
        metrics.sent(b, base + 1, 20, null);
        metrics.listen(null);
        metrics.sent(a, base, 10, "q1");
        assertFalse(metrics.tracing());
        assertEquals(List.of("sent p1 g/Query q1", "delivered p2 g/Query q1", "sent p2 g/Hit null"), heard);
        assertEquals(3, metrics.snapshot().total().messagesSent(), "counting goes on with or without a listener");
    }
}
