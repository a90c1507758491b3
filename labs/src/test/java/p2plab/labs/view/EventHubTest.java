package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub never holds more than its limits, and sheds untraced traffic before a search's messages. */
class EventHubTest {

    @Test
    void drainTakesAtMostTheBatchOldestFirst() {
        EventHub hub = new EventHub();
        for (int i = 0; i < 10; i++) {
            hub.sent("p" + i, "gnutella/Query", "g");
        }
        List<ViewEvent> first = hub.drain(4);
        assertEquals(4, first.size());
        assertEquals("p0", first.get(0).peer());
        assertEquals(6, hub.drain(100).size());
        assertEquals(0, hub.drain(100).size());
    }

    @Test
    void aCrowdedHubShedsPingsButKeepsTheSearch() {
        EventHub hub = new EventHub();
        for (int i = 0; i < EventHub.SHED_UNTRACED_AT + 500; i++) {
            hub.sent("p1", "gnutella/Ping", null);
        }
        assertEquals(500, hub.shed());
        hub.delivered("p2", "gnutella/Query", "guid");
        hub.offer(ViewEvent.peer("killed", "p3"));
        assertEquals(500, hub.shed(), "search messages and peer events are kept");
        for (int i = 0; i < EventHub.HARD_LIMIT; i++) {
            hub.delivered("p2", "gnutella/Query", "guid");
        }
        assertEquals(500 + EventHub.SHED_UNTRACED_AT + 2, hub.shed(), "beyond the hard limit everything is shed");
        assertEquals(EventHub.HARD_LIMIT, hub.drain(Integer.MAX_VALUE).size());
    }
}
