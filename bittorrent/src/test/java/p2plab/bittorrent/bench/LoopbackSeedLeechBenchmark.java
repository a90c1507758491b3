package p2plab.bittorrent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * One seed, one leecher, one torrent on loopback: ours (seed and leecher in this JVM, our
 * tracker) against aria2 (seed and leecher as two aria2c processes, same tracker and torrent).
 * Wall time from starting the leecher to the verified last byte on disk.
 *
 * <p>Args: size in MiB (default 1024), runs (default 3).
 */
public final class LoopbackSeedLeechBenchmark {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("bt-bench");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path file = data.resolve("bench.bin");
        ThroughputBenchmark.writeRandom(file, mib);
        try (TcpTransport tcp = new TcpTransport()) {
            TrackerServer tracker = TrackerServer.start(tcp, "tracker", 0, Duration.ofSeconds(5));
            Metainfo meta = Torrents.create(file, tracker.announceUrl(), Torrents.DEFAULT_PIECE_LENGTH);
            Path torrent = dir.resolve("bench.torrent");
            Torrents.write(meta, torrent);
            ClientOptions opts = ClientOptions.defaults().withMaxReannounce(Duration.ofSeconds(2));
            List<Double> ours = new ArrayList<>();
            List<Double> aria = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                // ours
                Client seed = Client.open(tcp, "seed" + run, 0, NodeConfig.named("seed"), opts);
                tcp.await(seed.seed(meta, new DiskStore(meta, data)), Duration.ofSeconds(10));
                Thread.sleep(300);
                Path out = dir.resolve("ours" + run);
                long t0 = System.nanoTime();
                Client leech = Client.open(tcp, "leech" + run, 0, NodeConfig.named("leech"), opts);
                Client.Torrent t = tcp.await(leech.get(meta, new DiskStore(meta, out)), Duration.ofSeconds(10));
                SwarmResult res = tcp.await(t.completion(), Duration.ofMinutes(10));
                double secs = (System.nanoTime() - t0) / 1e9;
                if (!res.complete()) {
                    throw new IllegalStateException("our download did not complete");
                }
                ours.add(mib / secs);
                t.stop();
                leech.close();
                seed.close();
                deleteTree(out);
                Thread.sleep(500);
                // aria2
                Process s = new ProcessBuilder(aria2("--dir=" + data, "--seed-ratio=0.0", "--listen-port=" + (17000 + run),
                        torrent.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("seed.log").toFile()).start();
                Thread.sleep(1500 + mib * 5L); // aria2 hashes its data before seeding
                Path aout = dir.resolve("aria" + run);
                long a0 = System.nanoTime();
                Process l = new ProcessBuilder(aria2("--dir=" + aout, "--seed-time=0", "--listen-port=" + (18000 + run),
                        torrent.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("leech.log").toFile()).start();
                if (!l.waitFor(10, TimeUnit.MINUTES) || l.exitValue() != 0) {
                    throw new IllegalStateException("aria2 leech failed, see " + dir.resolve("leech.log"));
                }
                double asecs = (System.nanoTime() - a0) / 1e9;
                aria.add(mib / asecs);
                s.destroy();
                s.waitFor(10, TimeUnit.SECONDS);
                deleteTree(aout);
                System.out.printf("run %d: ours %.1f MiB/s, aria2 %.1f MiB/s%n", run + 1, mib / secs, mib / asecs);
            }
            ours.sort(null);
            aria.sort(null);
            System.out.printf("median of %d, %d MiB: ours %.1f MiB/s, aria2 %.1f MiB/s%n", runs, mib,
                    ours.get(runs / 2), aria.get(runs / 2));
        } finally {
            deleteTree(dir);
        }
    }

    private static List<String> aria2(String... extra) {
        List<String> cmd = new ArrayList<>(List.of("aria2c", "--interface=127.0.0.1", "--disable-ipv6=true",
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--file-allocation=none",
                "--allow-overwrite=true", "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true",
                "--check-integrity=true", "--bt-hash-check-seed=true"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    private static void deleteTree(Path p) throws Exception {
        ThroughputBenchmark.deleteTree(p);
    }
}
