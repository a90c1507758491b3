package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.message.Descriptor;
import p2plab.gnutella.message.GnutellaCodec;
import p2plab.gnutella.message.GnutellaMessage;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.Handshake;
import p2plab.gnutella.message.Query;
import p2plab.gnutella.servent.ServentConfig;

/**
 * The flood of {@code AFloodOfQueriesIsBoundedOverTcpTest}, in simulation: there a link backs up
 * when the sender's uplink is slower than what it is asked to send. A servent at 10 kB/s gets
 * 5,000 queries in one burst, each answered by a 1 KB hit: the link takes two, 2 MiB wait, and
 * the rest is dropped and counted, the same rule as over TCP.
 */
class ABackedUpNeighbourInSimulationTest {
    private static final int QUERIES = 5_000;

    /** Handshakes as a servent would, then sends every query at once and reads whatever comes. */
    private static final class Flooder implements PeerHandler<GnutellaMessage> {
        @Override
        public void onConnected(Link<GnutellaMessage> link) {
            link.send(Handshake.connect(Map.of("User-Agent", "flooder")));
        }

        @Override
        public void onMessage(Link<GnutellaMessage> link, GnutellaMessage message) {
            if (message instanceof Handshake h && h.accepted()) {
                link.send(Handshake.ok(Map.of()));
                SplittableRandom random = new SplittableRandom(2);
                for (int i = 0; i < QUERIES; i++) {
                    link.send(new Descriptor(Guid.random(random), 1, 0, new Query(0, "flood bait")));
                }
            }
        }
    }

    @Test
    void aSlowUplinkKeepsAtMostTheQueueWaitingAndDropsTheRestCounted() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(1);
             GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(NetworkSpec.of("t", 2, 1)
                     .withTopology(TopologySpec.of("line", 0)).withPeerSpec(PeerSpec.rates(10_000, 0)), sim)) {
            net.share(PeerId.of(0), new BytesContent("flood bait " + "x".repeat(1_000) + ".ogg", new byte[] {1}));
            Node<GnutellaMessage> flooder = sim.open(NodeConfig.named("flooder"), new GnutellaCodec(), new Flooder());
            flooder.execute(() -> flooder.connect(net.topology().peers().get(0).address()));
            sim.advance(Duration.ofSeconds(1));

            Counts hits = net.metrics().byType().get("gnutella/QueryHit");
            long hitBytes = hits.bytesSent() / hits.messagesSent();
            long waiting = ServentConfig.SEND_QUEUE_BYTES / hitBytes;
            // One hit on the wire, one queued on the link behind it (then the link is not writable),
            // as many as fit in 2 MiB in the servent's queue, and the rest dropped.
            assertEquals(QUERIES - 2 - waiting, hits.dropped(), hits.toString());
            assertTrue(hits.messagesSent() <= 1 + 10_000 / hitBytes + 1, "sent no faster than the uplink: " + hits.messagesSent());

            flooder.kill(); // the servent's side closes: what waits is dropped, and counted
            sim.advance(Duration.ofSeconds(5));
            Counts after = net.metrics().byType().get("gnutella/QueryHit");
            assertTrue(after.messagesSent() + after.dropped() >= QUERIES, after.toString());
        }
    }
}
