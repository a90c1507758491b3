package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.transport.TestFormat.TestMessage;

/**
 * What every driver must do with datagrams, written once against the SPI. Each driver gets a
 * subclass that says how to make a transport, with and without loss.
 */
public abstract class DatagramContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(10);
    /** Datagram limit of the test format: 32 bytes of frame, so 27 of payload. */
    protected static final int LIMIT = 32;

    private Transport transport;
    private final TestFormat format = new DatagramFormat();

    protected abstract Transport newTransport(long seed);

    protected abstract Transport newLossyTransport(long seed, double lossRate);

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aDatagramArrivesWithItsSendersAddressAndTheAnswerComesBack() throws TimeoutException {
        transport = newTransport(1);
        Inbox a = new Inbox(false);
        Inbox b = new Inbox(true);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        b.node = nb;

        na.execute(() -> na.sendDatagram(nb.address(), TestMessage.of("ping", "hello")));

        assertEquals(List.of(new Inbox.Got(na.address(), TestMessage.of("ping", "hello"))), transport.await(b.first(1), WAIT));
        assertEquals(List.of(new Inbox.Got(nb.address(), TestMessage.of("pong", "hello"))), transport.await(a.first(1), WAIT));
        assertTrue(na.links().isEmpty() && nb.links().isEmpty(), "datagrams open no link");
    }

    @Test
    void countersAreExactForAKnownExchange() throws TimeoutException {
        transport = newTransport(2);
        Inbox a = new Inbox(false);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, a);
        Inbox b = new Inbox(true);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        b.node = nb;

        na.execute(() -> {
            for (int i = 0; i < 3; i++) {
                na.sendDatagram(nb.address(), TestMessage.of("ping", "p" + i));
            }
        });
        transport.await(a.first(3), WAIT);

        int size = TestFormat.frameSize(2);
        assertEquals(new Counts(3, 3L * size, 0, 0, 0, 0), transport.metrics().peer("a").get("test/ping"));
        assertEquals(new Counts(0, 0, 3, 3L * size, 0, 0), transport.metrics().peer("a").get("test/pong"));
        assertEquals(new Counts(0, 0, 3, 3L * size, 0, 0), transport.metrics().peer("b").get("test/ping"));
        assertEquals(new Counts(3, 3L * size, 0, 0, 0, 0), transport.metrics().peer("b").get("test/pong"));
    }

    @Test
    void aDatagramOverTheLimitIsRefusedWithAClearErrorAndNotCounted() {
        transport = newTransport(3);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Inbox(false));
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, new Inbox(false));
        TestMessage big = TestMessage.of("data", "x".repeat(LIMIT - TestFormat.frameSize(0) + 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> na.sendDatagram(nb.address(), big));

        assertEquals("a cannot send a datagram of 33 bytes: the test limit is 32 bytes; send less in one datagram", e.getMessage());
        assertTrue(transport.metrics().snapshot().total().isZero());
    }

    @Test
    void anOverlayWithoutDatagramsCannotSendOne() {
        transport = newTransport(4);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), new TestFormat(), new Inbox(false));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> na.sendDatagram(new Address("127.0.0.1", 9), TestMessage.of("ping", "x")));
        assertTrue(e.getMessage().contains("allows none"), e.getMessage());
    }

    @Test
    void lossDropsSomeDatagramsAndCountsThemAsDropped() throws TimeoutException {
        transport = newLossyTransport(5, 0.3);
        int n = 200;
        Inbox b = new Inbox(false);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Inbox(false));
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);

        CompletableFuture<Long> dropped = new CompletableFuture<>();
        na.execute(() -> {
            for (int i = 0; i < n; i++) {
                na.sendDatagram(nb.address(), TestMessage.of("data", Integer.toString(i)));
            }
        });
        na.execute(() -> dropped.complete(transport.metrics().peer("a").get("test/data").dropped()));
        long lost = transport.await(dropped, WAIT);

        transport.await(b.first((int) (n - lost)), WAIT);
        transport.advance(Duration.ofMillis(200));
        assertEquals(n - lost, b.count(), "every datagram not dropped arrives, and no other");
        assertTrue(lost > 30 && lost < 90, "about 30% of 200 lost, got " + lost);
        assertEquals(n, transport.metrics().peer("a").get("test/data").messagesSent());
    }

    @Test
    void aKilledNodeReceivesNothing() throws TimeoutException {
        transport = newTransport(6);
        Inbox b = new Inbox(false);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), format, new Inbox(false));
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Address where = nb.address();
        na.execute(() -> na.sendDatagram(where, TestMessage.of("ping", "alive")));
        transport.await(b.first(1), WAIT);

        nb.kill();
        na.execute(() -> {
            for (int i = 0; i < 5; i++) {
                na.sendDatagram(where, TestMessage.of("ping", "dead" + i));
            }
        });
        transport.advance(Duration.ofMillis(300));

        assertEquals(1, b.count());
        assertEquals(1, transport.metrics().peer("b").get("test/ping").messagesReceived());
        assertEquals(6, transport.metrics().peer("a").get("test/ping").messagesSent());
    }

    @Test
    void bytesThatAreNotOneMessageAreRejectedAndTheNodeStillHearsGoodOnes() throws TimeoutException {
        transport = newTransport(7);
        Inbox b = new Inbox(false);
        Node<TestMessage> nb = transport.open(NodeConfig.named("b"), format, b);
        Node<TestMessage> na = transport.open(NodeConfig.named("a"), new BrokenFormat(), new Inbox(false));

        na.execute(() -> na.sendDatagram(nb.address(), TestMessage.of("ping", "x")));
        na.execute(() -> na.sendDatagram(nb.address(), TestMessage.of("pong", "ok")));
        Inbox.Got got = transport.await(b.first(1), WAIT).get(0);

        assertEquals(TestMessage.of("pong", "ok"), got.message());
        assertEquals(1, transport.metrics().peer("b").get("rejected").rejected());
        assertNull(transport.metrics().peer("b").get("test/ping"));
    }

    /** The test format with a 32-byte datagram limit. */
    public static class DatagramFormat extends TestFormat {
        @Override
        public int maxDatagramBytes() {
            return LIMIT;
        }
    }

    /** Writes a ping with an unknown type byte: a datagram that is not one valid message. */
    static final class BrokenFormat extends DatagramFormat {
        @Override
        protected byte[] encodeBody(TestMessage message) {
            byte[] body = super.encodeBody(message);
            if (message.type().equals("ping")) {
                body[0] = 99;
            }
            return body;
        }
    }

    /** Records datagrams; a responder answers each ping with a pong carrying the same text. */
    public static final class Inbox implements PeerHandler<TestMessage> {
        public record Got(Address from, TestMessage message) { }

        private final boolean responder;
        private final List<Got> got = new ArrayList<>();
        private record Wait(int count, CompletableFuture<List<Got>> future) { }

        private final List<Wait> waits = new ArrayList<>();
        private volatile Node<TestMessage> node;

        public Inbox(boolean responder) {
            this.responder = responder;
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
        }

        @Override
        public void onDatagram(Address from, TestMessage message) {
            synchronized (this) {
                got.add(new Got(from, message));
                check();
            }
            if (responder && message.type().equals("ping")) {
                node.sendDatagram(from, new TestMessage("pong", message.payload()));
            }
        }

        synchronized int count() {
            return got.size();
        }

        public synchronized CompletableFuture<List<Got>> first(int n) {
            CompletableFuture<List<Got>> f = new CompletableFuture<>();
            waits.add(new Wait(n, f));
            check();
            return f;
        }

        private void check() {
            waits.removeIf(w -> got.size() >= w.count() && w.future().complete(List.copyOf(got.subList(0, w.count()))));
        }
    }
}
