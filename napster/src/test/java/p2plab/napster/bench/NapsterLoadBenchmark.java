package p2plab.napster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import p2plab.common.content.Catalogue;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;

/**
 * The index server measured the way one measures any server: it runs alone in a second JVM
 * ({@link IndexServerProcess}, one event loop), and this process is the load generator, like
 * wrk. It opens one real TCP connection per peer, logs each in (2), shares the peer's files
 * (100), then keeps C searches (200) open in a closed loop and times each from sending it to
 * its end marker (202), reading every result (201) in between off the socket.
 *
 * <p>Workload as in {@link NapsterTcpBenchmark}: a Zipf catalogue of shares/10 files, each peer
 * shares shares/peers of them drawn by popularity, queries are one or two words of a file drawn
 * by popularity. It prints the rate, latency, and the CPU of each process split into user and
 * kernel time, so the cost of a search can be put on the server, the client or the kernel.
 *
 * <p>Args: peers (1000), shared files (100000), result cap (100), in flight (256), seconds (10),
 * load threads (1), server event loops (1). The server JVM's options come from SERVER_JVM (default -Xmx2g).
 */
public final class NapsterLoadBenchmark {
    private static final int WARM_UP_SECONDS = 3;

    public static void main(String[] args) throws Exception {
        SearchWorkload w = SearchWorkload.fromArgs(args);
        int peers = w.peers();
        int shares = w.shares();
        int cap = w.cap();
        int inFlight = w.inFlight();
        int seconds = w.seconds();
        int threads = SearchWorkload.arg(args, 5, 1);
        int serverLoops = SearchWorkload.arg(args, 6, 1);
        Catalogue catalogue = w.catalogue();
        int[][] placement = w.placement();
        // Joined as NapsterNetwork.search joins them.
        List<String> queries = w.queries().stream().map(q -> String.join(" ", Query.of(q).keywords())).toList();

        Process server = startServer(cap, serverLoops);
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            PrintStream serverIn = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
            String hello = serverOut.readLine();
            while (hello != null && !hello.startsWith("listening ")) { // the JVM's own notes (JFR) come first
                System.out.println("server: " + hello);
                hello = serverOut.readLine();
            }
            if (hello == null) {
                throw new IllegalStateException("the server process said " + hello);
            }
            int port = Integer.parseInt(hello.substring("listening ".length()));

            long t0 = System.nanoTime();
            List<LoadClient> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(new LoadClient(queries, cap, inFlight / threads + (t < inFlight % threads ? 1 : 0), 11 + t));
            }
            for (int p = 0; p < peers; p++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.socket().setTcpNoDelay(true);
                List<GeneratedContent> files = new ArrayList<>();
                for (int rank : placement[p]) {
                    files.add(catalogue.entry(rank).content());
                }
                LoadClient client = clients.get(p % threads);
                client.add(new ClientConnection(ch, PeerId.of(p + 1).label(), files, client));
            }
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(clients.get(t), "load-" + t);
                thread.start();
                running.add(thread);
            }
            long[] stats = serverStats(serverIn, serverOut);
            while (stats[0] < peers || stats[1] < shares) {
                checkFailures(clients);
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("not built after 120 s: peers " + stats[0] + ", files " + stats[1]);
                }
                Thread.sleep(20);
                stats = serverStats(serverIn, serverOut);
            }
            System.out.printf("%,d peers logged in over %,d TCP connections, %,d files indexed, in %.1f s%n",
                    stats[0], peers, stats[1], (System.nanoTime() - t0) / 1e9);

            String loadBefore = ProcCpu.loadAverage();
            long windowStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
            long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
            for (LoadClient c : clients) {
                c.startSearching(windowStart, windowEnd);
            }
            sleepUntil(windowStart);
            Reading start = Reading.take(server.pid(), serverIn, serverOut);
            sleepUntil(windowEnd);
            Reading end = Reading.take(server.pid(), serverIn, serverOut);
            String loadAfter = ProcCpu.loadAverage();
            Thread.sleep(200); // the searches still open end (or not); none of them counts
            for (LoadClient c : clients) {
                c.stop();
            }
            for (Thread t : running) {
                t.join();
            }
            checkFailures(clients);
            report(cap, inFlight, threads, seconds, clients, start, end, loadBefore, loadAfter);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(int cap, int loops) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        String jvm = System.getenv().getOrDefault("SERVER_JVM", "-Xmx2g");
        if (!jvm.isBlank()) {
            command.addAll(List.of(jvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IndexServerProcess.class.getName(),
                Integer.toString(cap), Integer.toString(loops)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** {peers, files, messages received, messages sent, loop CPU ns, GC ms} from the server process. */
    static long[] serverStats(PrintStream serverIn, BufferedReader serverOut) throws IOException {
        serverIn.println("stats");
        String line = serverOut.readLine();
        if (line == null || !line.startsWith("stats ")) {
            throw new IllegalStateException("the server process said " + line);
        }
        String[] f = line.split(" ");
        long[] v = new long[f.length - 1];
        for (int i = 1; i < f.length; i++) {
            v[i - 1] = Long.parseLong(f[i]);
        }
        return v;
    }

    /** CPU of both processes and of the machine, and the server's counters, at one moment. */
    private record Reading(long nanos, ProcCpu client, ProcCpu server, long[] machine, long[] serverStats) {
        static Reading take(long serverPid, PrintStream serverIn, BufferedReader serverOut) throws IOException {
            long[] stats = NapsterLoadBenchmark.serverStats(serverIn, serverOut);
            return new Reading(System.nanoTime(), ProcCpu.ofProcess(ProcessHandle.current().pid()),
                    ProcCpu.ofProcess(serverPid), ProcCpu.machine(), stats);
        }
    }

    private static void report(int cap, int inFlight, int threads, int seconds, List<LoadClient> clients,
                               Reading start, Reading end, String loadBefore, String loadAfter) {
        Histogram latency = new Histogram(60_000_000_000L, 3);
        long searches = 0;
        long hits = 0;
        for (LoadClient c : clients) {
            latency.add(c.latency);
            searches += c.searches;
            hits += c.hits;
        }
        double wall = (end.nanos - start.nanos) / 1e9;
        double perSecond = searches / (double) seconds;
        ProcCpu server = end.server.minus(start.server);
        ProcCpu client = end.client.minus(start.client);
        long served = end.serverStats[2] - start.serverStats[2];
        long sent = end.serverStats[3] - start.serverStats[3];
        double loop = (end.serverStats[4] - start.serverStats[4]) / 1e9 / wall;
        long gcMillis = end.serverStats[5] - start.serverStats[5];
        long[] m = new long[5];
        for (int i = 0; i < 5; i++) {
            m[i] = end.machine[i] - start.machine[i];
        }
        double n = Math.max(1, searches);
        System.out.printf("cap %d, %d in flight, %d load thread(s), %d s: %,d searches = %,.0f searches/s, %,.0f results/s; "
                        + "%.1f hits per search; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                cap, inFlight, threads, seconds, searches, perSecond, hits / (double) seconds, hits / n,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        System.out.printf("server process: %.2f cores (user %.2f, kernel %.2f), event loop %.2f cores, GC %d ms; "
                        + "%.1f us per search, %.0f ns per message sent (%,.0f sent/s, %,.0f received/s)%n",
                server.total() / 1e9 / wall, server.userNanos() / 1e9 / wall, server.systemNanos() / 1e9 / wall, loop,
                gcMillis, server.total() / 1e3 / n, server.total() / (double) Math.max(1, sent), sent / wall, served / wall);
        System.out.printf("load process:   %.2f cores (user %.2f, kernel %.2f); %.1f us per search, %.0f ns per result%n",
                client.total() / 1e9 / wall, client.userNanos() / 1e9 / wall, client.systemNanos() / 1e9 / wall,
                client.total() / 1e3 / n, client.total() / (double) Math.max(1, hits));
        System.out.printf("machine (2 cores = 2.00): user %.2f, system %.2f, irq+softirq %.2f, idle %.2f, steal %.2f; "
                        + "load average %s before, %s after%n",
                m[0] / 1e9 / wall, m[1] / 1e9 / wall, m[2] / 1e9 / wall, m[3] / 1e9 / wall, m[4] / 1e9 / wall,
                loadBefore, loadAfter);
    }

    private static void checkFailures(List<LoadClient> clients) {
        for (LoadClient c : clients) {
            if (c.failure() != null) {
                throw new IllegalStateException("load thread failed: " + c.failure(), c.failure());
            }
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
