package p2plab.common.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;

/**
 * A sender that writes only while {@link Link#writable()} holds, and writes again on
 * {@code onWritable}, keeps its uplink busy without ever queueing more than one message: so a
 * protocol can still take back what it has not sent (BitTorrent's cancel and choke).
 */
class WritableLinkTest {
    private static final long LATENCY = 25_000_000L;
    private static final int BLOCKS = 100;
    private static final int BLOCK = 10_000;

    /** Sends the next block whenever the link has room. */
    private static final class Streamer implements PeerHandler<Blob> {
        int sent;
        int wakeUps;
        int refusals;

        void pump(Link<Blob> link) {
            while (sent < BLOCKS) {
                if (!link.writable()) {
                    refusals++;
                    return;
                }
                link.send(new Blob(sent++, BLOCK));
            }
        }

        @Override
        public void onMessage(Link<Blob> link, Blob message) {
        }

        @Override
        public void onWritable(Link<Blob> link) {
            wakeUps++;
            pump(link);
        }
    }

    @Test
    void writingOnlyWhenWritableKeepsTheUplinkBusyWithOneMessageQueued() throws Exception {
        SimTransport s = new SimTransport(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofNanos(LATENCY))));
        Streamer tx = new Streamer();
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), tx);
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), rx);
        Link<Blob> link = s.await(a.connect(b.address()), Duration.ofMinutes(1));
        long start = s.clock().nanos();

        tx.pump(link);
        assertEquals(1, tx.sent, "the first block is queued; the link is then full until it leaves");
        assertFalse(link.writable());
        s.runUntilIdle(Duration.ofHours(1));

        assertEquals(BLOCKS, rx.arrivals.size());
        for (int i = 0; i < BLOCKS; i++) {
            assertEquals(i, rx.arrivals.get(i).blob().seq(), "in order");
        }
        // No gap on the uplink: 1 MB at 1 MB/s ends exactly 1 s (plus latency) after the start.
        assertEquals(start + 1_000_000_000L + LATENCY, rx.arrivals.get(BLOCKS - 1).nanos());
        assertEquals(BLOCKS - 1, tx.wakeUps, "one wake-up per block after the first");
        assertTrue(link.writable(), "drained");
    }

    @Test
    void aClosedLinkIsNeverWritableAndOwesNoWakeUp() throws Exception {
        SimTransport s = new SimTransport(SimConfig.seeded(1));
        Streamer tx = new Streamer();
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), tx);
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), new Recorder(s));
        Link<Blob> link = s.await(a.connect(b.address()), Duration.ofMinutes(1));
        tx.pump(link);
        link.close();
        s.runUntilIdle(Duration.ofHours(1));
        assertFalse(link.writable());
        assertEquals(0, tx.wakeUps);
    }
}
