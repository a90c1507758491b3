package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import org.junit.jupiter.api.Test;

/**
 * What {@link TcpTransport} settles before Netty starts, to keep a client process's start short
 * (docs/benchmarks.md, issue 18): no Flight Recorder events for Netty's buffers, unless the user
 * asked for them, and Netty's logging sent straight to java.util.logging.
 */
class NettyStartupSettingsTest {

    @Test
    void nettyRecordsNoAllocatorEventsAndLogsThroughTheJdk() {
        try (TcpTransport tcp = new TcpTransport()) {
            assertEquals("false", System.getProperty("io.netty.jfr.enabled"));
            assertSame(JdkLoggerFactory.INSTANCE, InternalLoggerFactory.getDefaultFactory());
        }
    }
}
