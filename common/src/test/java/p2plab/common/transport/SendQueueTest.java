package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue's rules on a link whose writability the test sets by hand. */
class SendQueueTest {

    /** A link that is writable while {@code room} > 0, each send taking one unit of room. */
    private static final class HandLink implements Link<String> {
        final List<String> sent = new ArrayList<>();
        final List<String> shed = new ArrayList<>();
        int room;
        boolean open = true;

        @Override
        public Node<String> local() {
            return null;
        }

        @Override
        public Address remote() {
            return new Address("127.0.0.1", 1);
        }

        @Override
        public boolean outbound() {
            return true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void send(String message) {
            sent.add(message);
            room--;
        }

        @Override
        public boolean writable() {
            return open && room > 0;
        }

        @Override
        public void shed(String message) {
            shed.add(message);
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public Object attachment() {
            return null;
        }

        @Override
        public void attach(Object attachment) {
        }
    }

    private final HandLink link = new HandLink();
    private final SendQueue<String> queue = new SendQueue<>(link, String::length, 10);

    @Test
    void whileTheLinkIsWritableMessagesGoStraightOut() {
        link.room = 2;
        assertTrue(queue.send("a"));
        assertTrue(queue.send("b"));
        assertEquals(List.of("a", "b"), link.sent);
        assertEquals(0, queue.waitingBytes());
    }

    @Test
    void behindABackedUpLinkMessagesWaitUpToMaxBytesThenAreShedAndCounted() {
        link.room = 0;
        assertTrue(queue.send("1234"));
        assertTrue(queue.send("567890"));
        assertFalse(queue.send("x"), "10 bytes wait already");
        assertTrue(link.sent.isEmpty());
        assertEquals(List.of("x"), link.shed);
        assertEquals(1, queue.dropped());
        assertEquals(10, queue.waitingBytes());

        link.room = 1;
        queue.drain();
        assertEquals(List.of("1234"), link.sent, "one at a time, as the link takes them");
        link.room = 5;
        assertTrue(queue.send("y"), "queued behind what waits, never ahead of it");
        queue.drain();
        assertEquals(List.of("1234", "567890", "y"), link.sent);
        assertEquals(0, queue.waitingBytes());
    }

    @Test
    void whatWaitsWhenTheLinkClosesIsCountedAsDropped() {
        link.room = 0;
        queue.send("ab");
        queue.send("cd");
        link.open = false;
        queue.clear();
        assertEquals(List.of("ab", "cd"), link.shed);
        assertEquals(0, queue.waitingBytes());
    }

    @Test
    void onAClosedLinkASendGoesToTheTransportWhichCountsItDropped() {
        link.open = false;
        assertFalse(queue.send("late"));
        assertEquals(List.of("late"), link.sent);
        assertEquals(0, queue.waitingBytes());
    }
}
