package p2plab.common.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.DatagramContractTest.DatagramFormat;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;

/** A simulated datagram passes the sender's uplink, one latency, then the receiver's downlink, to the nanosecond. */
class SimDatagramTimingTest {
    private static final int BYTES = TestFormat.frameSize(20); // 25 bytes on the wire

    @Test
    void aDatagramTakesUplinkThenLatencyThenDownlink() throws TimeoutException {
        assertEquals(List.of(10_000_000L), arrivals(0, 0, 1));                        // latency only
        assertEquals(List.of(25_000_000L + 10_000_000L), arrivals(1_000, 0, 1));      // 25 B at 1 kB/s, then 10 ms
        assertEquals(List.of(10_000_000L + 50_000_000L), arrivals(0, 500, 1));        // 10 ms, then 25 B at 500 B/s
        // Two back to back on a 1 kB/s uplink: the second leaves 25 ms after the first.
        assertEquals(List.of(35_000_000L, 60_000_000L), arrivals(1_000, 0, 2));
    }

    @Test
    void theSameSeedGivesTheSameLosses() throws TimeoutException {
        assertEquals(lossPattern(9), lossPattern(9));
    }

    /** Virtual times (ns) at which {@code count} datagrams sent at t = 0 arrive. */
    private static List<Long> arrivals(long upload, long download, int count) throws TimeoutException {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withWireCheck(true))) {
            List<Long> at = new ArrayList<>();
            Node<TestMessage> a = sim.open(NodeConfig.named("a").withRates(upload, 0), new DatagramFormat(), new Sink(sim, at, null));
            Node<TestMessage> b = sim.open(NodeConfig.named("b").withRates(0, download), new DatagramFormat(), new Sink(sim, at, null));
            for (int i = 0; i < count; i++) {
                a.sendDatagram(b.address(), TestMessage.of("data", "x".repeat(20)));
            }
            sim.runUntilIdle(Duration.ofSeconds(10));
            return at;
        }
    }

    private static List<String> lossPattern(long seed) {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(seed).withLoss(0.5))) {
            List<String> got = new ArrayList<>();
            Node<TestMessage> a = sim.open(NodeConfig.named("a"), new DatagramFormat(), new Sink(sim, new ArrayList<>(), null));
            Node<TestMessage> b = sim.open(NodeConfig.named("b"), new DatagramFormat(), new Sink(sim, new ArrayList<>(), got));
            for (int i = 0; i < 50; i++) {
                a.sendDatagram(b.address(), TestMessage.of("data", Integer.toString(i)));
            }
            sim.runUntilIdle(Duration.ofSeconds(10));
            return got;
        }
    }

    private record Sink(SimTransport sim, List<Long> times, List<String> texts) implements PeerHandler<TestMessage> {
        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
        }

        @Override
        public void onDatagram(Address from, TestMessage message) {
            times.add(sim.clock().nanos());
            if (texts != null) {
                texts.add(message.text());
            }
        }
    }
}
