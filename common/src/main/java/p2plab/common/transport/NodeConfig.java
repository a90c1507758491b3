package p2plab.common.transport;

import java.time.Duration;

/**
 * How a node is attached: its metrics label, its port, and its access link.
 *
 * @param label          name under which metrics count this node (e.g. {@code "p7"})
 * @param port           port to listen on; 0 picks a free one
 * @param uploadBytesPerSec   uplink rate, 0 = unlimited
 * @param downloadBytesPerSec downlink rate, 0 = unlimited
 * @param idleTimeout    close a link after this long without receiving anything; null = never
 */
public record NodeConfig(String label, int port, long uploadBytesPerSec, long downloadBytesPerSec, Duration idleTimeout) {

    public NodeConfig {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (uploadBytesPerSec < 0 || downloadBytesPerSec < 0) {
            throw new IllegalArgumentException("rates must be >= 0 (0 = unlimited)");
        }
    }

    public static NodeConfig named(String label) {
        return new NodeConfig(label, 0, 0, 0, null);
    }

    public NodeConfig withPort(int newPort) {
        return new NodeConfig(label, newPort, uploadBytesPerSec, downloadBytesPerSec, idleTimeout);
    }

    public NodeConfig withRates(long upload, long download) {
        return new NodeConfig(label, port, upload, download, idleTimeout);
    }

    public NodeConfig withIdleTimeout(Duration timeout) {
        return new NodeConfig(label, port, uploadBytesPerSec, downloadBytesPerSec, timeout);
    }
}
