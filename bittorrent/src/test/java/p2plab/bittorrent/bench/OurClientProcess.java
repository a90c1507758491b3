package p2plab.bittorrent.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * Our client alone in its own JVM, as {@code p2plab seed} and {@code p2plab get} run it (default
 * TCP options, a {@link DiskStore}), so {@link ThroughputBenchmark} pairs process with process as
 * it does for libtorrent and aria2, instead of a seed and a leecher sharing one JVM's threads.
 *
 * <p>Args: {@code seed TORRENT DIR} prints "seeding" once announced and runs until killed;
 * {@code get TORRENT DIR} prints "done CPU_SECONDS" (this process's user + system CPU, JVM start
 * included) once every piece is verified, and exits.
 */
public final class OurClientProcess {
    private OurClientProcess() {
    }

    /**
     * This process's user + system CPU seconds so far, read from /proc as for the seed: asking JMX
     * instead starts its platform beans, about a tenth of a second of CPU inside the measured time.
     */
    private static double cpuSeconds() {
        double fromProc = cpuSeconds(Path.of("/proc/self/stat"));
        return Double.isNaN(fromProc)
                ? ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9
                : fromProc;
    }

    /** User + system CPU seconds from a Linux /proc/PID/stat file; NaN when it cannot be read. */
    static double cpuSeconds(Path procStat) {
        try {
            String stat = Files.readString(procStat);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Prints how many bytes this process has written so far (wchar of /proc/self/io) every 250 ms, to see the download ramp up. */
    private static void showProgress() {
        long t0 = System.nanoTime();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(250);
                    long written = Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                            .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
                    System.out.printf("progress %5d ms %6.1f MiB %.2f s of CPU%n", (System.nanoTime() - t0) / 1_000_000, written / 1048576.0, cpuSeconds());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("seed") || args[0].equals("get"))) {
            System.err.println("usage: OurClientProcess seed|get TORRENT DIR");
            System.exit(2);
        }
        Metainfo meta = Torrents.read(Path.of(args[1]));
        Path dir = Path.of(args[2]);
        // fresh randomness, as p2plab's commands do: two processes must never pick the same peer id
        TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(new SecureRandom().nextLong()));
        Client client = Client.open(tcp, args[0], 0, NodeConfig.named(args[0]), ClientOptions.defaults());
        if (args[0].equals("seed")) {
            tcp.await(client.seed(meta, new DiskStore(meta, dir)), Duration.ofSeconds(30));
            System.out.println("seeding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        System.out.printf("started, %.3f s of CPU%n", cpuSeconds());
        if (System.getenv("BENCH_VERBOSE") != null) {
            showProgress();
        }
        Client.Torrent t = tcp.await(client.get(meta, new DiskStore(meta, dir)), Duration.ofSeconds(30));
        SwarmResult r = tcp.await(t.completion(), Duration.ofMinutes(10));
        if (!r.complete()) {
            System.err.println("the download did not complete");
            System.exit(1);
        }
        System.out.printf("done %.3f%n", cpuSeconds());
        System.out.flush();
        System.exit(0); // without a goodbye to the seed, as a killed client would leave
    }
}
