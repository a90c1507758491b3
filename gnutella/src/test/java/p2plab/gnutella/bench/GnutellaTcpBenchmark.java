package p2plab.gnutella.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.gnutella.GnutellaNetwork;
import p2plab.gnutella.GnutellaOverlay;

/**
 * Gnutella over real sockets on 127.0.0.1: {@code servents} servents in one JVM wired as a
 * random-regular graph (one TCP connection and one 0.6 handshake per edge), then {@code queries}
 * searches at TTL {@code ttl}, all in flight together, each listening for hits for {@code window} seconds.
 *
 * <pre>bench/run gnutella p2plab.gnutella.bench.GnutellaTcpBenchmark [servents] [queries] [ttl] [io-threads] [window-seconds]</pre>
 */
public final class GnutellaTcpBenchmark {

    public static void main(String[] args) throws Exception {
        int servents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int ttl = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String window = args.length > 4 ? args[4] : "10";
        System.out.printf("gnutella tcp: %d servents, random-regular degree 4, %d queries at TTL %d, %d I/O threads%n",
                servents, queries, ttl, threads);
        long t0 = System.nanoTime();
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(threads));
             GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(NetworkSpec.of("tcp", servents, 1)
                     .withTopology(TopologySpec.of("random-regular", 4)).withOptions(Map.of("timeout", window)), tcp)) {
            long t1 = System.nanoTime();
            System.out.printf("%d servents listening, %d links handshaken in %.2f s%n",
                    servents, net.graph().edgeCount(), (t1 - t0) / 1e9);
            SplittableRandom random = new SplittableRandom(2);
            for (int i = 0; i < servents; i += 10) {
                net.share(PeerId.of(i), new BytesContent("song number " + (i / 10) + ".mp3", new byte[] {(byte) i}));
            }
            long sentBefore = net.metrics().total().messagesSent();
            long t2 = System.nanoTime();
            List<CompletableFuture<SearchResult>> running = new ArrayList<>();
            for (int q = 0; q < queries; q++) {
                running.add(net.search(PeerId.of(random.nextInt(servents)),
                        new Query("song number " + random.nextInt(servents / 10), ttl)));
            }
            long messages = 0;
            long reached = 0;
            int found = 0;
            double[] latency = new double[queries];
            for (int q = 0; q < queries; q++) {
                SearchResult r = tcp.await(running.get(q), Duration.ofSeconds(60));
                messages += r.messages();
                reached += r.peersReached();
                found += r.found() ? 1 : 0;
                latency[q] = r.found() ? r.latencyMillis() : Double.NaN;
            }
            long t3 = System.nanoTime();
            double[] hitLatency = Arrays.stream(latency).filter(x -> !Double.isNaN(x)).sorted().toArray();
            System.out.printf("%d queries done in %.2f s wall (each listens " + window + " s): %,d messages (%,.0f per query), "
                            + "%.0f peers reached per query, %d found; first-hit latency median %.1f ms, p90 %.1f ms%n",
                    queries, (t3 - t2) / 1e9, messages, (double) messages / queries, (double) reached / queries, found,
                    hitLatency.length == 0 ? Double.NaN : hitLatency[hitLatency.length / 2],
                    hitLatency.length == 0 ? Double.NaN : hitLatency[(int) (hitLatency.length * 0.9)]);
            System.out.printf("load average during the run: %.1f%n", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("all gnutella messages sent during the queries (transport count): %,d%n",
                    net.metrics().total().messagesSent() - sentBefore);
        }
        System.out.printf("total wall time %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
