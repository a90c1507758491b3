package p2plab.common.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;

/**
 * The same seed gives byte-identical metrics for a 10,000-node run; another seed does not.
 * Every node gossips a few rounds to random neighbours over lossy links with random latency,
 * so every random source of the simulator shows in the figures.
 */
class SimDeterminismTest {
    private static final int NODES = 10_000;

    @Test
    void sameSeedSameMetricsJsonAnotherSeedDifferent() {
        String first = run(42);
        assertEquals(first, run(42));
        assertNotEquals(first, run(43));
    }

    private static String run(long seed) {
        SimTransport s = new SimTransport(SimConfig.seeded(seed)
                .withLatency(LatencyModel.uniform(Duration.ofMillis(5), Duration.ofMillis(80), seed))
                .withLoss(0.02));
        List<Node<Blob>> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(s.open(NodeConfig.named("p" + i).withRates(1_000_000, 4_000_000), new BlobFormat(), new Gossip()));
        }
        SplittableRandom wiring = new SplittableRandom(seed);
        for (int i = 0; i < NODES; i++) {
            nodes.get(i).connect(nodes.get(wiring.nextInt(NODES)).address());
        }
        s.advance(Duration.ofSeconds(1));
        for (Node<Blob> n : nodes) {
            n.clock().every(Duration.ofMillis(500), () -> gossip(n));
        }
        s.advance(Duration.ofSeconds(3));
        return s.metrics().snapshot().toJson();
    }

    private static void gossip(Node<Blob> n) {
        List<Link<Blob>> links = new ArrayList<>(n.links());
        if (!links.isEmpty()) {
            links.get(n.random().nextInt(links.size())).send(new Blob(0, 100 + n.random().nextInt(1000)));
        }
    }

    /** Forwards one in three messages it hears to a random neighbour. */
    private static final class Gossip implements PeerHandler<Blob> {
        @Override
        public void onMessage(Link<Blob> link, Blob message) {
            Node<Blob> n = link.local();
            if (n.random().nextInt(3) == 0) {
                gossip(n);
            }
        }
    }
}
