package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.TransportContractTest.Recorder;

/** At time scale 10 a 3 s protocol timer fires after about 0.3 real seconds. */
class TimeScaleShortensTimersTest {

    @Test
    void aThreeSecondTimerAtScaleTenFiresAfterAboutAThirdOfASecond() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withTimeScale(10).withIoThreads(1))) {
            Node<TestMessage> node = transport.open(NodeConfig.named("a"), new TestFormat(), new Recorder());
            CompletableFuture<Long> fired = new CompletableFuture<>();
            long start = System.nanoTime();
            node.execute(() -> node.clock().schedule(Duration.ofSeconds(3), () -> fired.complete(System.nanoTime())));

            double real = (transport.await(fired, Duration.ofSeconds(30)) - start) / 1e9;

            assertTrue(real >= 0.29 && real < 1.5, "fired after " + real + " s");
            long protocolMillis = transport.clock().millis();
            assertTrue(protocolMillis >= 2900, "protocol clock says only " + protocolMillis + " ms passed");
        }
    }
}
