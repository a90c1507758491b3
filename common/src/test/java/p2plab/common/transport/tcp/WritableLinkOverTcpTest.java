package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;

/**
 * Over TCP, a link behind a rate limit stops being writable once Netty's outbound buffer fills,
 * and wakes its sender with {@code onWritable} when it drains: a sender that writes only while
 * writable delivers everything, in order, without piling megabytes into the buffer.
 */
class WritableLinkOverTcpTest {
    private static final int BLOCK = 16 * 1024;
    private static final int BLOCKS = 256; // 4 MiB at 4 MiB/s: about a second

    private final TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2));

    @AfterEach
    void close() {
        transport.close();
    }

    private static final class Streamer implements PeerHandler<TestMessage> {
        volatile int sent;
        volatile int wakeUps;

        void pump(Link<TestMessage> link) {
            while (sent < BLOCKS && link.writable()) {
                byte[] payload = new byte[BLOCK];
                payload[0] = (byte) sent;
                link.send(new TestMessage("data", payload));
                sent++;
            }
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
        }

        @Override
        public void onWritable(Link<TestMessage> link) {
            wakeUps++;
            pump(link);
        }
    }

    private static final class Counter implements PeerHandler<TestMessage> {
        final CompletableFuture<Integer> all = new CompletableFuture<>();
        int count;
        int outOfOrder;

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
            if (message.payload()[0] != (byte) count) {
                outOfOrder++;
            }
            if (++count == BLOCKS) {
                all.complete(outOfOrder);
            }
        }
    }

    @Test
    void aRateLimitedSenderIsWokenUntilEverythingIsDelivered() throws Exception {
        Streamer tx = new Streamer();
        Counter rx = new Counter();
        Node<TestMessage> up = transport.open(NodeConfig.named("up").withRates(4L * 1024 * 1024, 0), new TestFormat(), tx);
        Node<TestMessage> down = transport.open(NodeConfig.named("down"), new TestFormat(), rx);
        Link<TestMessage> link = transport.await(up.connect(down.address()), Duration.ofSeconds(10));
        up.execute(() -> tx.pump(link));

        int outOfOrder = transport.await(rx.all, Duration.ofSeconds(30));
        assertEquals(0, outOfOrder);
        assertEquals(BLOCKS, tx.sent);
        assertTrue(tx.wakeUps > 0, "the limit must have filled the buffer at least once, and onWritable drained it");
    }
}
