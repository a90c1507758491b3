package p2plab.common.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

/**
 * Message deliveries per second of the simulator, on the calling thread (one core): 1,000 nodes
 * in a ring pass 10,000 tokens around; every delivery is counted by the transport's metrics and
 * forwarded on. Prints the median of 5 measured runs after 2 warm-up runs.
 *
 * <pre>bench/run common p2plab.common.bench.SimDeliveryBenchmark [deliveries-per-run]</pre>
 */
public final class SimDeliveryBenchmark {

    public static void main(String[] args) throws Exception {
        long perRun = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        double[] rates = new double[7];
        for (int run = 0; run < rates.length; run++) {
            rates[run] = once(perRun);
            System.out.printf("run %d: %,.0f deliveries/s%s%n", run + 1, rates[run], run < 2 ? " (warm-up)" : "");
        }
        double[] measured = Arrays.copyOfRange(rates, 2, rates.length);
        Arrays.sort(measured);
        System.out.printf("median of %d runs: %,.0f deliveries/s (%,d deliveries each)%n",
                measured.length, measured[measured.length / 2], perRun);
    }

    private static double once(long deliveries) throws Exception {
        SimTransport sim = SimTransport.withSeed(1);
        Token.Format format = new Token.Format();
        int n = 1000;
        List<Node<Token>> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(sim.open(NodeConfig.named("p" + i), format, new Forwarder()));
        }
        List<Link<Token>> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ring.add(sim.await(nodes.get(i).connect(nodes.get((i + 1) % n).address()), Duration.ofMinutes(1)));
        }
        for (int t = 0; t < 10_000; t++) {
            ring.get(t % n).send(new Token(0));
        }
        long eventsBefore = sim.eventsRun();
        long start = System.nanoTime();
        while (sim.eventsRun() - eventsBefore < deliveries) {
            sim.advance(Duration.ofSeconds(1));
        }
        long elapsed = System.nanoTime() - start;
        long done = sim.eventsRun() - eventsBefore;
        sim.close();
        return done / (elapsed / 1e9);
    }

    /** Sends every token on along its outbound link. */
    private static final class Forwarder implements PeerHandler<Token> {
        private Link<Token> next;

        @Override
        public void onConnected(Link<Token> link) {
            if (link.outbound()) {
                next = link;
            }
        }

        @Override
        public void onMessage(Link<Token> link, Token message) {
            next.send(new Token(message.hops() + 1));
        }
    }

    private SimDeliveryBenchmark() {
    }
}
