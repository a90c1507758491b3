package p2plab.bittorrent.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import p2plab.bittorrent.interop.Interop;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * One seed, one leecher, one torrent of 1 MiB pieces on loopback, four pairings measured in the
 * same run: libtorrent to libtorrent, ours to ours, aria2 to aria2, ours to libtorrent. Every pair
 * uses our tracker (in this JVM) and the same .torrent; every seed and every leecher is a process
 * of its own, ours too ({@link OurClientProcess}). Time: from starting the leecher's process to
 * its last verified byte (libtorrent: is_seeding; aria2: exit with --seed-time=0; ours:
 * completion). The seed is started and has announced before the clock starts. CPU: user + system
 * seconds of the leecher (reported by itself: JVM or interpreter start included) and of the seed
 * (from /proc, over the download only), per GiB; aria2's leecher is not measured.
 *
 * <p>Args: size in MiB (default 512), runs (default 3), pairs (default "lt-lt,ours-ours,aria2-aria2,ours-lt").
 * Needs aria2 and python3-libtorrent. Our clients run with the JVM options the launcher gives
 * {@code p2plab seed} and {@code p2plab get}, from a class-data-sharing archive that one unmeasured
 * download records first, as the launcher's first run does. BENCH_CLIENT_JVM replaces those options
 * (and the archive): e.g. {@code -Xshare:off} for a JVM at its defaults; {@code {role}} in them
 * becomes {@code seed} or {@code get}, e.g. for a JFR file per process; BENCH_CLIENT_JVM_EXTRA adds
 * options to the launcher's (later ones win). BENCH_VERBOSE=1 shows what the clients print, and
 * our leecher's bytes written every 250 ms.
 */
public final class ThroughputBenchmark {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int PIECE = 1 << 20;
    /** BENCH_VERBOSE=1 shows what the clients print. */
    private static final boolean VERBOSE = System.getenv("BENCH_VERBOSE") != null;
    /**
     * The JVM options {@code ./p2plab seed} and {@code ./p2plab get} run with (see the launcher, which
     * explains them): a small young generation that stays in the CPU's cache, the serial collector,
     * compilation sooner, and C2 for SHA-1 only ({@link #JIT_DIRECTIVES}).
     */
    static final List<String> CLIENT_JVM = List.of("-XX:+UseSerialGC", "-Xmn8m", "-XX:CompileThresholdScaling=0.1",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput");
    /** The compiler directives of our client processes, relative to the project's root (bench/run runs there). */
    static final String JIT_DIRECTIVES = "bittorrent/src/main/jvm/client-jit.json";

    private final Path dir;
    private final Path data;
    private final Metainfo meta;
    private final Path torrent;
    private final TcpTransport tcp;
    private final TrackerServer tracker;
    private final int mib;
    private final String clientClassPath;
    /** The class-data-sharing archive our clients map, once {@link #recordClassArchive} made it. */
    private final Path archive;

    private ThroughputBenchmark(Path dir, Path data, int mib, TcpTransport tcp) throws IOException {
        this.dir = dir;
        this.data = data;
        this.mib = mib;
        this.tcp = tcp;
        this.clientClassPath = jarClassPath(dir);
        this.archive = dir.resolve("p2plab-client.jsa");
        // a short interval, so a killed real client (no event=stopped) leaves the list within 10 s
        this.tracker = TrackerServer.start(tcp, "tracker", 0, Duration.ofSeconds(5));
        this.meta = Torrents.create(data.resolve("bench.bin"), tracker.announceUrl(), PIECE);
        this.torrent = dir.resolve("bench.torrent");
        Torrents.write(meta, torrent);
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> pairs = List.of((args.length > 2 ? args[2] : "lt-lt,ours-ours,aria2-aria2,ours-lt").split(","));
        Path dir = Files.createTempDirectory("bt-throughput");
        Path data = Files.createDirectories(dir.resolve("data"));
        writeRandom(data.resolve("bench.bin"), mib);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> leecherCpu = new LinkedHashMap<>();
        Map<String, List<Double>> seedCpu = new LinkedHashMap<>();
        try (TcpTransport tcp = new TcpTransport()) {
            ThroughputBenchmark b = new ThroughputBenchmark(dir, data, mib, tcp);
            if (pairs.stream().anyMatch(p -> p.contains("ours"))) {
                b.recordClassArchive();
            }
            for (int run = 1; run <= runs; run++) {
                for (String pair : pairs) {
                    Measured m = b.measure(pair, run);
                    double perGiB = 1024.0 / mib;
                    rates.computeIfAbsent(pair, k -> new ArrayList<>()).add(mib / m.seconds());
                    leecherCpu.computeIfAbsent(pair, k -> new ArrayList<>()).add(m.leecherCpu() * perGiB);
                    seedCpu.computeIfAbsent(pair, k -> new ArrayList<>()).add(m.seedCpu() * perGiB);
                    System.out.printf("run %d %-12s %6.2f s  %6.1f MiB/s  CPU s/GiB: leecher %s, seed %s  (load %.1f)%n", run, pair,
                            m.seconds(), mib / m.seconds(), format(m.leecherCpu() * perGiB), format(m.seedCpu() * perGiB), loadAverage());
                }
            }
        } finally {
            deleteTree(dir);
        }
        System.out.printf("median of %d, %d MiB, 1 MiB pieces, one leecher (CPU: user + system seconds per GiB):%n", runs, mib);
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            String pair = e.getKey();
            System.out.printf("  %-12s %6.1f MiB/s   runs: %s   leecher CPU: %s   seed CPU: %s%n", pair, median(e.getValue()),
                    format(e.getValue()), format(leecherCpu.get(pair)), format(seedCpu.get(pair)));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> format(List<Double> values) {
        return values.stream().map(ThroughputBenchmark::format).toList();
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f", v);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One download: wall seconds, and CPU seconds (user + system) the leecher and the seed spent on it (NaN if unknown). */
    private record Measured(double seconds, double leecherCpu, double seedCpu) {
    }

    private Measured measure(String pair, int run) throws Exception {
        String[] who = pair.split("-");
        Path out = dir.resolve("out-" + pair + "-" + run);
        Files.createDirectories(out);
        waitUntilNoPeers();
        Process seed = startSeed(who[0]);
        try {
            waitUntilPeersAbove(0);
            double seedCpu0 = cpuSeconds(seed);
            long t0 = System.nanoTime();
            double cpu = leech(who[1], out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Measured(seconds, cpu, cpuSeconds(seed) - seedCpu0);
        } finally {
            stop(seed);
            deleteTree(out);
        }
    }

    /** A running process's user + system CPU seconds so far, from /proc (Linux); NaN elsewhere. */
    private static double cpuSeconds(Process p) {
        return OurClientProcess.cpuSeconds(Path.of("/proc", Long.toString(p.pid()), "stat"));
    }

    private Process startSeed(String who) throws Exception {
        switch (who) {
            case "ours" -> {
                Process p = start(ours("seed", data), "ours-seed");
                awaitLine(p, "seeding", 60);
                return p;
            }
            case "lt" -> {
                Process p = start(List.of(PYTHON, "-c", libtorrent(true), torrent.toString(), data.toString()), "lt-seed");
                awaitLine(p, "seeding", 300);
                return p;
            }
            case "aria2" -> {
                return start(aria2("--dir=" + data, "--check-integrity=true", "--bt-hash-check-seed=true", "--seed-ratio=0.0"),
                        "aria2-seed");
            }
            default -> throw new IllegalArgumentException("unknown client " + who);
        }
    }

    /** Runs the leecher to its last verified byte; returns its CPU seconds (user + system), or NaN when not known. */
    private double leech(String who, Path out) throws Exception {
        switch (who) {
            case "ours" -> {
                Process p = start(ours("get", out), "ours-leech");
                double cpu = Double.parseDouble(awaitLine(p, "done", 600));
                stop(p);
                return cpu;
            }
            case "lt" -> {
                Process p = start(List.of(PYTHON, "-c", libtorrent(false), torrent.toString(), out.toString()), "lt-leech");
                double cpu = Double.parseDouble(awaitLine(p, "done", 600));
                stop(p);
                return cpu;
            }
            case "aria2" -> {
                Process p = start(aria2("--dir=" + out, "--seed-time=0"), "aria2-leech");
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("aria2 leech failed");
                }
                return Double.NaN;
            }
            default -> throw new IllegalArgumentException("unknown client " + who);
        }
    }

    /**
     * Our client in a JVM of its own, like {@code p2plab seed} and {@code p2plab get} (and like the
     * real clients, which are processes of their own too), with the JVM options the launcher gives
     * those two commands ({@link #CLIENT_JVM}), or BENCH_CLIENT_JVM's instead when set.
     */
    private List<String> ours(String role, Path where, List<String> extraJvm) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvm = System.getenv("BENCH_CLIENT_JVM");
        if (jvm != null && !jvm.isBlank()) {
            // {role} becomes seed or get, so each process can write its own profile
            cmd.addAll(List.of(jvm.trim().replace("{role}", role).split("\\s+")));
        } else {
            cmd.addAll(CLIENT_JVM);
            String extra = System.getenv("BENCH_CLIENT_JVM_EXTRA"); // options to try on top of the launcher's
            if (extra != null && !extra.isBlank()) {
                cmd.addAll(List.of(extra.trim().split("\\s+")));
            }
            cmd.add("-XX:CompilerDirectivesFile=" + Path.of(JIT_DIRECTIVES).toAbsolutePath());
            cmd.addAll(extraJvm.isEmpty() && Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : extraJvm);
        }
        cmd.addAll(List.of("-cp", clientClassPath, OurClientProcess.class.getName(), role, torrent.toString(), where.toString()));
        return cmd;
    }

    private List<String> ours(String role, Path where) {
        return ours(role, where, List.of());
    }

    /**
     * Like the launcher's first run after a build: one download that is not measured records the
     * classes our leecher loads into a class-data-sharing archive, which every later process of ours
     * maps in ready-made instead of loading and verifying each class again.
     */
    private void recordClassArchive() throws Exception {
        if (System.getenv("BENCH_CLIENT_JVM") != null && !System.getenv("BENCH_CLIENT_JVM").isBlank()) {
            return;
        }
        Path out = Files.createDirectories(dir.resolve("out-archive"));
        waitUntilNoPeers();
        Process seed = start(ours("seed", data), "ours-seed");
        try {
            awaitLine(seed, "seeding", 60);
            waitUntilPeersAbove(0);
            Process get = start(ours("get", out, List.of("-XX:ArchiveClassesAtExit=" + archive)), "ours-leech");
            awaitLine(get, "done", 600);
            if (!get.waitFor(2, TimeUnit.MINUTES)) { // the archive is written as the JVM exits
                get.destroyForcibly();
            }
        } finally {
            stop(seed);
            deleteTree(out);
        }
        System.out.println(Files.exists(archive) ? "recorded our client's classes in " + archive.getFileName()
                : "no class archive was written; our clients load their classes from the jar");
    }

    /**
     * Class-data sharing maps classes from jars only, so the class folders of the build are packed
     * into one jar for our clients' processes (the launcher runs p2plab.jar the same way).
     */
    private static String jarClassPath(Path dir) throws IOException {
        Path jar = dir.resolve("p2plab-classes.jar");
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(e).toAbsolutePath();
                if (!Files.isDirectory(p)) {
                    entries.add(p.toString());
                    continue;
                }
                try (var files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = p.relativize(f).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) { // the first folder on the class path wins, as for the class loader
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A libtorrent session kept on loopback, otherwise at its defaults; prints "seeding", or "done
     * CPU_SECONDS" (the process's user + system CPU), when it has every piece.
     */
    private static String libtorrent(boolean seed) {
        return String.join("\n", Interop.LIBTORRENT_SESSION,
                "import os",
                "h = s.add_torrent(p)",
                "while not h.status().is_seeding:",
                "    time.sleep(0.02)",
                seed ? "print('seeding', flush=True)" : "print('done %.3f' % sum(os.times()[:2]), flush=True)",
                seed ? "time.sleep(100000)" : "sys.exit(0)");
    }

    private List<String> aria2(String... extra) {
        List<String> cmd = new ArrayList<>(List.of("aria2c", "--interface=127.0.0.1", "--disable-ipv6=true",
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--file-allocation=none",
                "--allow-overwrite=true", "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true",
                "--console-log-level=warn", "--listen-port=" + (20000 + new SplittableRandom().nextInt(40000)) + "-65000"));
        cmd.addAll(List.of(extra));
        cmd.add(torrent.toString());
        return cmd;
    }

    private Process start(List<String> cmd, String name) throws IOException {
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (cmd.get(0).equals("aria2c")) {
            b.redirectOutput(dir.resolve(name + ".log").toFile());
        }
        return b.start();
    }

    /** Waits for a line that starts with the word {@code word}; returns the rest of it, trimmed. */
    private static String awaitLine(Process p, String word, int seconds) throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        // reads on to the end, so a process that keeps printing never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    String t = l.trim();
                    if (!seen.isDone() && (t.equals(word) || t.startsWith(word + " "))) {
                        seen.complete(t.substring(word.length()).trim());
                    } else if (VERBOSE) {
                        System.err.println("  [" + p.pid() + "] " + l);
                    }
                }
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
            seen.completeExceptionally(new IllegalStateException("process ended before printing " + word));
        });
        return seen.get(seconds, TimeUnit.SECONDS);
    }

    private int peers() throws Exception {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        tracker.node().execute(() -> count.complete(tracker.peerCount(meta.infoHash())));
        return count.get(10, TimeUnit.SECONDS);
    }

    private void waitUntilNoPeers() throws Exception {
        while (peers() > 0) {
            Thread.sleep(100);
        }
    }

    /** The new seed is ready once it announced (killed real clients leave entries that only expire). */
    private void waitUntilPeersAbove(int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (peers() <= before) {
            if (System.nanoTime() > deadline) {
                Path log = dir.resolve("aria2-seed.log");
                throw new IllegalStateException("the seed never announced" + (Files.exists(log) ? ": " + Files.readString(log) : ""));
            }
            Thread.sleep(20);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** {@code mib} MiB of seeded random bytes. */
    static void writeRandom(Path file, int mib) throws IOException {
        byte[] buf = new byte[1 << 20];
        SplittableRandom r = new SplittableRandom(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                r.nextBytes(buf);
                out.write(buf);
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
