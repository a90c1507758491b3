package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.transport.TestFormat.TestMessage;

/**
 * What every transport driver must do, written once against the SPI only. Each driver gets a
 * subclass that says how to make one ({@code TcpTransportContractTest}, a simulator's own).
 * Every wait is bounded: a broken driver fails here, it never hangs.
 */
public abstract class TransportContractTest {
    /** Protocol time any single expectation may take; generous, since nothing should need it. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    protected Transport transport;
    protected final TestFormat format = new TestFormat();

    protected abstract Transport newTransport(long seed);

    @BeforeEach
    void createTransport() {
        transport = newTransport(42);
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void aMessageSentOnALinkArrivesAtTheOtherEnd() throws TimeoutException {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);

        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);
        assertTrue(link.outbound());
        assertEquals(nb.address(), link.remote());
        na.execute(() -> link.send(TestMessage.of("ping", "hello")));

        List<TestMessage> got = transport.await(b.firstMessages(1), WAIT);
        assertEquals(TestMessage.of("ping", "hello"), got.get(0));
        Link<TestMessage> inbound = transport.await(b.connected, WAIT);
        assertFalse(inbound.outbound());
        assertEquals(1, nb.links().size());
    }

    @Test
    void messagesOnOneLinkArriveInTheOrderSent() throws TimeoutException {
        Recorder b = new Recorder();
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Recorder());
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);

        int n = 1_000;
        na.execute(() -> {
            for (int i = 0; i < n; i++) {
                link.send(TestMessage.of("data", Integer.toString(i)));
            }
        });

        List<TestMessage> got = transport.await(b.firstMessages(n), WAIT);
        for (int i = 0; i < n; i++) {
            assertEquals(Integer.toString(i), got.get(i).text(), "message " + i + " out of order");
        }
    }

    @Test
    void countersAreExactForAKnownExchange() throws TimeoutException {
        Recorder a = new Recorder();
        Recorder b = new Recorder((link, m) -> link.send(TestMessage.of("pong", "pong-" + m.text().substring(5))));
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);

        na.execute(() -> {
            for (int i = 0; i < 3; i++) {
                link.send(TestMessage.of("ping", "ping-" + i));
            }
        });
        transport.await(a.firstMessages(3), WAIT);

        int ping = format.encode(TestMessage.of("ping", "ping-0")).length;
        int pong = format.encode(TestMessage.of("pong", "pong-0")).length;
        assertEquals(TestFormat.frameSize(6), ping);
        assertEquals(new Counts(3, 3L * ping, 0, 0, 0, 0), transport.metrics().peer("a").get("test/ping"));
        assertEquals(new Counts(0, 0, 3, 3L * pong, 0, 0), transport.metrics().peer("a").get("test/pong"));
        assertEquals(new Counts(0, 0, 3, 3L * ping, 0, 0), transport.metrics().peer("b").get("test/ping"));
        assertEquals(new Counts(3, 3L * pong, 0, 0, 0, 0), transport.metrics().peer("b").get("test/pong"));
        assertEquals(new Counts(6, 3L * (ping + pong), 6, 3L * (ping + pong), 0, 0), transport.metrics().snapshot().total());
    }

    @Test
    void aKilledNodeShowsAsClosedAtItsNeighbour() throws TimeoutException {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);
        transport.await(b.connected, WAIT);

        nb.kill();

        String reason = transport.await(a.closed, WAIT);
        assertNotNull(reason);
        assertFalse(nb.isAlive());
        assertFalse(link.isOpen());
        assertTrue(na.links().isEmpty());
        assertTrue(na.isAlive());
    }

    @Test
    void aHandlerThatThrowsLosesThatLinkOnlyAndIsCounted() throws TimeoutException {
        Recorder a = new Recorder();
        Recorder b = new Recorder((link, m) -> {
            if (m.text().equals("boom")) {
                throw new IllegalStateException("bug in b");
            }
            link.send(TestMessage.of("pong", m.text()));
        });
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);

        na.execute(() -> link.send(TestMessage.of("ping", "boom")));

        String atB = transport.await(b.closed, WAIT); // over TCP and in simulation alike: no exception out of await
        assertTrue(atB.contains("protocol error in onMessage at b") && atB.contains("bug in b"), atB);
        assertEquals("closed by the remote peer", transport.await(a.closed, WAIT));
        assertEquals(1, transport.metrics().handlerErrors("b"));
        assertEquals(0, transport.metrics().handlerErrors("a"));
        assertTrue(transport.metrics().firstHandlerError().startsWith("b: "), transport.metrics().firstHandlerError());

        // b keeps running: a new peer connects and gets its answer
        Recorder c = new Recorder();
        Node<TestMessage> nc = transport.open(NodeConfig.named("c"), format, c);
        Link<TestMessage> again = transport.await(nc.connect(nb.address()), WAIT);
        nc.execute(() -> again.send(TestMessage.of("ping", "fine")));
        assertEquals(TestMessage.of("pong", "fine"), transport.await(c.firstMessages(1), WAIT).get(0));
        assertTrue(nb.isAlive());
    }

    @Test
    void aTimerThatThrowsIsCountedAndTheNextOneStillRuns() throws TimeoutException {
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Recorder());
        CompletableFuture<String> later = new CompletableFuture<>();
        na.execute(() -> {
            na.clock().schedule(Duration.ofMillis(10), () -> {
                throw new IllegalStateException("bug in a timer");
            });
            na.clock().schedule(Duration.ofMillis(20), () -> later.complete("ran"));
        });

        assertEquals("ran", transport.await(later, WAIT));
        assertEquals(1, transport.metrics().handlerErrors("a"));
        assertTrue(na.isAlive());
    }

    @Test
    void aSendQueueDeliversInOrderWhatItDidNotDropAndCountsTheRest() throws TimeoutException {
        int messages = 256;
        int payload = 16 * 1024;
        long maxBytes = 64 * 1024;
        Burst burst = new Burst(messages, payload, maxBytes);
        Recorder b = new Recorder();
        Node<TestMessage> na = transport.open(NodeConfig.named("a").withRates(4L * 1024 * 1024, 0), format, burst);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);

        na.execute(() -> burst.start(link));
        int dropped = transport.await(burst.done, WAIT);
        List<TestMessage> got = transport.await(b.firstMessages(messages - dropped), WAIT);

        assertTrue(burst.mostWaiting <= maxBytes, "at most maxBytes wait in the queue, saw " + burst.mostWaiting);
        int last = -1;
        for (TestMessage m : got) {
            int index = Integer.parseInt(m.text().substring(0, 3).trim());
            assertTrue(index > last, "out of order: " + index + " after " + last);
            last = index;
        }
        assertEquals(dropped, transport.metrics().peer("a").get("test/data").dropped(), "each drop is counted");
        transport.advance(Duration.ofMillis(200));
        assertEquals(messages - dropped, b.count(), "nothing arrives beyond what was not dropped");
    }

    /** Sends a burst through a {@link SendQueue} at once, drains it on onWritable, and notes the most that waited. */
    private final class Burst implements PeerHandler<TestMessage> {
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        private final int messages;
        private final int payload;
        private final long maxBytes;
        private SendQueue<TestMessage> queue;
        long mostWaiting;

        Burst(int messages, int payload, long maxBytes) {
            this.messages = messages;
            this.payload = payload;
            this.maxBytes = maxBytes;
        }

        void start(Link<TestMessage> link) {
            queue = new SendQueue<>(link, format::sizeOf, maxBytes);
            for (int i = 0; i < messages; i++) {
                byte[] body = new byte[payload];
                byte[] index = String.format("%3d", i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(index, 0, body, 0, index.length);
                queue.send(new TestMessage("data", body));
                mostWaiting = Math.max(mostWaiting, queue.waitingBytes());
            }
            done.complete((int) queue.dropped());
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
        }

        @Override
        public void onWritable(Link<TestMessage> link) {
            queue.drain();
        }
    }

    @Test
    void connectingWhereNobodyListensFails() throws TimeoutException {
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Recorder());
        Node<TestMessage> gone = transport.open(NodeConfig.named("gone"), format, new Recorder());
        Address nobody = gone.address();
        gone.close();

        Throwable failure = transport.await(na.connect(nobody).handle((link, error) -> error), WAIT);

        assertInstanceOf(ConnectFailedException.class, failure);
        assertTrue(failure.getMessage().contains(nobody.toString()), failure.getMessage());
    }

    @Test
    void theSameSeedGivesEachNodeTheSameRandomNumbers() {
        long[] first = firstRandomLongs(7);
        long[] again = firstRandomLongs(7);
        long[] other = firstRandomLongs(8);

        assertArrayEquals(first, again);
        assertNotEquals(first[0], first[1], "two nodes of one transport must not share a random sequence");
        assertNotEquals(first[0], other[0], "another seed must give other numbers");
    }

    /** The first random long of each of two nodes, on a fresh transport with {@code seed}. */
    private long[] firstRandomLongs(long seed) {
        try (Transport t = newTransport(seed)) {
            Node<TestMessage> n0 = t.open(NodeConfig.named("n0"), format, new Recorder());
            Node<TestMessage> n1 = t.open(NodeConfig.named("n1"), format, new Recorder());
            return new long[] {n0.random().nextLong(), n1.random().nextLong()};
        }
    }

    /**
     * A handler that records what happened to its node, with futures a test can await;
     * optionally answers each message.
     */
    public static class Recorder implements PeerHandler<TestMessage> {
        public final CompletableFuture<Link<TestMessage>> connected = new CompletableFuture<>();
        public final CompletableFuture<String> closed = new CompletableFuture<>();
        private final List<TestMessage> messages = new ArrayList<>();
        private final List<Expectation> expectations = new ArrayList<>();
        private final BiConsumer<Link<TestMessage>, TestMessage> reply;

        private record Expectation(int count, CompletableFuture<List<TestMessage>> future) { }

        public Recorder() {
            this((link, m) -> { });
        }

        public Recorder(BiConsumer<Link<TestMessage>, TestMessage> reply) {
            this.reply = reply;
        }

        /** Completes with the first {@code n} messages once that many arrived. */
        public synchronized CompletableFuture<List<TestMessage>> firstMessages(int n) {
            CompletableFuture<List<TestMessage>> f = new CompletableFuture<>();
            expectations.add(new Expectation(n, f));
            check();
            return f;
        }

        public synchronized int count() {
            return messages.size();
        }

        @Override
        public void onConnected(Link<TestMessage> link) {
            connected.complete(link);
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
            synchronized (this) {
                messages.add(message);
                check();
            }
            reply.accept(link, message);
        }

        @Override
        public void onClosed(Link<TestMessage> link, String reason) {
            closed.complete(reason);
        }

        private void check() {
            expectations.removeIf(e -> {
                if (messages.size() >= e.count) {
                    e.future.complete(List.copyOf(messages.subList(0, e.count)));
                    return true;
                }
                return false;
            });
        }
    }
}
