package p2plab.common.transport.tcp;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.Metrics;

/**
 * Helpers for the flood tests of the overlays: a hostile peer on a plain socket with a tiny
 * receive buffer floods a node with requests and never reads the answers. What the node may
 * hand to its socket is bounded by the kernel's largest send buffer, Netty's high-water mark
 * and the overlay's send queue; the rest must be dropped and counted.
 */
public final class NonReadingPeer {
    /** The receive buffer the flooder asks for, so the node's socket fills at once. */
    public static final int RECEIVE_BUFFER = 4096;
    /** Linux's default largest send buffer ({@code net.ipv4.tcp_wmem}) and Netty's default high-water mark. */
    public static final long SOCKET_AND_NETTY_BYTES = 4_194_304L + 65_536;

    private NonReadingPeer() {
    }

    /** Messages of {@code type} (e.g. {@code gnutella/QueryHit}) sent or counted as dropped. */
    public static long answered(Metrics metrics, String type) {
        Counts c = metrics.snapshot().byType().get(type);
        return c == null ? 0 : c.messagesSent() + c.dropped();
    }

    /** Polls {@code done} until it holds; fails after {@code limit}. */
    public static void waitUntil(BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
