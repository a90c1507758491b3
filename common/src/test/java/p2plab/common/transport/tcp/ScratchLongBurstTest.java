package p2plab.common.transport.tcp;

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
import p2plab.common.transport.TransportContractTest.Recorder;

/** A peer with a 6 MiB/s uplink takes ~2.7 s to push 16 MiB, as measured where the bytes land. */
class ScratchLongBurstTest {
    private static final int MIB = 1024 * 1024;
    private static final long LIMIT = 200L * 1024;
    private static final int FRAME_PAYLOAD = 256 * 1024 - TestFormat.frameSize(0);
    private static final int FRAMES = 16; // 64 frames of exactly 256 KiB on the wire = 16 MiB

    private final TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2));

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void measuredUploadRateIsWithinTenPercentOfTheLimit() throws Exception {
        Arrivals arrivals = new Arrivals(FRAMES);
        Node<TestMessage> uploader = transport.open(NodeConfig.named("up").withRates(LIMIT, 0), new TestFormat(), new Recorder());
        Node<TestMessage> receiver = transport.open(NodeConfig.named("down"), new TestFormat(), arrivals);
        Link<TestMessage> link = transport.await(uploader.connect(receiver.address()), Duration.ofSeconds(10));

        long start = System.nanoTime();
        uploader.execute(() -> {
            for (int i = 0; i < FRAMES; i++) {
                link.send(new TestMessage("data", new byte[FRAME_PAYLOAD]));
            }
        });
        long end = transport.await(arrivals.allArrived, Duration.ofSeconds(60));

        double seconds = (end - start) / 1e9;
        double rate = 4.0 * MIB / seconds;
        double ratio = rate / LIMIT;
        System.out.printf("16 MiB at a %d MiB/s limit: %.2f s, %.2f MiB/s (%.1f%% of the limit)%n",
                LIMIT / MIB, seconds, rate / MIB, 100 * ratio);
        assertTrue(ratio > 0.9 && ratio < 1.1, "measured " + rate / MIB + " MiB/s against a limit of " + LIMIT / MIB + " MiB/s");
    }

    /** Notes the wall time at which the last expected frame arrived. */
    private static final class Arrivals implements PeerHandler<TestMessage> {
        final CompletableFuture<Long> allArrived = new CompletableFuture<>();
        private final int expected;
        private int count;

        Arrivals(int expected) {
            this.expected = expected;
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
            if (++count == expected) {
                allArrived.complete(System.nanoTime());
            }
        }
    }
}
