package p2plab.napster.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.napster.index.InvertedIndex;
import p2plab.napster.server.IndexServer;
import p2plab.napster.server.ServerSettings;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;

/**
 * The index server alone in its own JVM, on its own event loop, as {@link NapsterLoadBenchmark}
 * starts it: nothing else runs here, so the CPU this process uses is the server's.
 *
 * <p>Prints {@code listening <port>}, then answers each line {@code stats} on stdin with
 * {@code stats <peers> <files> <received> <sent> <loop cpu ns> <gc ms>}; ends when stdin closes.
 *
 * <p>Args: result cap (100), event-loop threads (1).
 */
public final class IndexServerProcess {

    public static void main(String[] args) throws Exception {
        int cap = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        // The load generator's peers do not ping; a long timeout keeps them in the index.
        IndexServer server = new IndexServer(new InvertedIndex(), new ServerSettings(cap, Duration.ofHours(1), ServerSettings.DEFAULTS.maxShared()));
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withIoThreads(loops))) {
            Node<NapMessage> node = tcp.open(NodeConfig.named("p0"), new NapsterCodec(), server);
            server.bind(node);
            node.execute(server::start);
            System.out.println("listening " + node.address().port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("stats")) {
                    var counts = tcp.metrics().snapshot().total();
                    System.out.printf("stats %d %d %d %d %d %d%n", server.connectedPeers(), server.indexedFiles(),
                            counts.messagesReceived(), counts.messagesSent(), loopCpuNanos(), gcMillis());
                    System.out.flush();
                }
            }
        }
    }

    /** CPU used so far by the transport's event-loop threads. */
    private static long loopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("p2plab-tcp")) {
                sum += threads.getThreadCpuTime(t.getThreadId());
            }
        }
        return sum;
    }

    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
