package p2plab.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Role;
import p2plab.common.transport.sim.SimTransport;

/**
 * Heap per simulated peer (issue 19), for every overlay the same way: build N peers as
 * {@code network create} does (the overlay's defaults, the simulator), let them settle, have
 * them share a seeded catalogue as {@code compare} does, then divide the heap the network holds
 * after a full GC by N. The catalogue itself is generated before the first measurement: it is a
 * workload all peers share, not a cost of any one of them.
 *
 * <p>{@link #main} is the body of each overlay's heap benchmark; {@link #forked} runs such a
 * benchmark in a JVM of its own with a fixed heap cap, so a test's figure does not depend on
 * what else its own JVM holds.
 */
public final class PeerHeap {
    /** Files in the shared catalogue unless the benchmark is told otherwise. */
    public static final int DEFAULT_FILES = 1_000;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private PeerHeap() {
    }

    /**
     * Measures and prints. Arguments: peers (default 100,000), catalogue files (default
     * {@value #DEFAULT_FILES}; 0: nothing is shared), histogram rows (default 15, 0 for none).
     */
    public static void main(Overlay overlay, String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_FILES;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Catalogue catalogue = files == 0 ? null : Catalogue.generate(CatalogueSpec.of(files, 1));
        if (catalogue != null) {
            for (Catalogue.Entry e : catalogue.entries()) {
                e.content().id(); // hashed once here, so the digest is part of the catalogue, not of a peer
            }
        }
        long before = usedAfterGc();
        long start = System.nanoTime();
        SimTransport sim = SimTransport.withSeed(1);
        Network net = overlay.create(NetworkSpec.of("heap", peers, 1), sim);
        sim.advance(SETTLE);
        long built = usedAfterGc() - before;
        long shares = catalogue == null ? 0 : share(net, catalogue);
        sim.advance(SETTLE);
        double seconds = (System.nanoTime() - start) / 1e9;
        long used = usedAfterGc() - before;
        System.out.printf("%s: %,d peers, %,d shares of a catalogue of %,d files; built, shared and settled in %.1f s%n",
                overlay.name(), peers, shares, files, seconds);
        System.out.printf("heap held by the network after GC: %,d KiB; max heap %,d MiB%n",
                used >> 10, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("bytes per peer before sharing: " + built / peers);
        if (shares > 0) {
            System.out.println("bytes per share: " + (used - built) / shares);
        }
        System.out.println("bytes per peer: " + used / peers);
        if (rows > 0) {
            System.out.println(histogram(rows));
        }
        java.lang.ref.Reference.reachabilityFence(net);
        java.lang.ref.Reference.reachabilityFence(catalogue);
        net.close();
    }

    /** Shares the catalogue's placement over the peers that can share (not an index server or tracker). */
    private static long share(Network net, Catalogue catalogue) {
        List<PeerId> sharers = new ArrayList<>();
        for (PeerInfo p : net.topology().peers()) {
            if (p.alive() && p.role() != Role.INDEX_SERVER && p.role() != Role.TRACKER) {
                sharers.add(p.id());
            }
        }
        List<List<GeneratedContent>> placement = catalogue.placement(sharers.size());
        long shares = 0;
        for (int i = 0; i < sharers.size(); i++) {
            for (GeneratedContent c : placement.get(i)) {
                net.share(sharers.get(i), c);
                shares++;
            }
        }
        return shares;
    }

    /** What a forked heap benchmark printed, in bytes. */
    public record Figures(long perPeerBeforeSharing, long perShare, long perPeer, String output) {

        /** Fails, with the benchmark's output, unless each figure is within its limit. */
        public void assertAtMost(long beforeSharing, long share, long peer) {
            check("a peer costs " + perPeerBeforeSharing + " bytes before sharing", perPeerBeforeSharing <= beforeSharing);
            check("a share costs " + perShare + " bytes", perShare <= share);
            check("a peer sharing a catalogue costs " + perPeer + " bytes", perPeer <= peer);
        }

        private void check(String what, boolean ok) {
            if (!ok) {
                throw new AssertionError(what + ", more than it may:\n" + output);
            }
        }
    }

    /**
     * Runs {@code main} (a heap benchmark from the test classes) in a fresh JVM capped at
     * {@code maxHeap} (e.g. {@code "512m"}) with {@code peers} peers sharing a catalogue of
     * {@code files} files, no histogram, and returns its figures. Fails with its output when it
     * printed none.
     */
    public static Figures forked(Class<?> main, String maxHeap, int peers, int files) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName(), Integer.toString(peers),
                Integer.toString(files), "0")
                .redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not end within 2 minutes:\n" + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(main.getSimpleName() + " exited " + p.exitValue() + ":\n" + out);
        }
        return new Figures(figure(out, "bytes per peer before sharing"), files == 0 ? 0 : figure(out, "bytes per share"),
                figure(out, "bytes per peer"), out);
    }

    private static long figure(String out, String name) {
        Matcher m = Pattern.compile("^" + name + ": (\\d+)$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            throw new AssertionError("no '" + name + "' in the benchmark's output:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The live-object histogram's first {@code rows} classes, as {@code jmap -histo:live} prints them. */
    private static String histogram(int rows) throws Exception {
        String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = all.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, rows + 2); i++) { // two header lines
            out.append(lines[i]).append('\n');
        }
        out.append(lines[lines.length - 1]); // the total
        return out.toString();
    }
}
