package p2plab.streaming.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.geo.Geography;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.workload.DayRun;
import p2plab.streaming.workload.Skips;
import p2plab.streaming.workload.Workload;

/**
 * One simulated day of N listeners on one core ({@link DayRun}: caches warmed with each
 * listener's history, then a day of Weibull sessions). Prints wall time and the CPU time of
 * the simulating thread and of the whole JVM (wall and CPU part when the machine is shared),
 * the heap after a full GC
 * with the network still alive, and the figures Spotify published.
 *
 * <p>Args: listeners (10000), mode (hybrid), hours (24), tracks (100000), history plays per listener (300),
 * the simulator's interleaving unit in bytes (1460, one TCP segment; 16397, one chunk frame, is about
 * ten times fewer events: see docs/benchmarks.md for what it changes); then, in any order, {@code drm=on|off}
 * (the key round trip of every play; default on in the hybrid, off otherwise) and {@code skips=on|off}
 * (listeners skip as Lamere measured; default off, as in {@code Workload.spotify}).
 */
public final class StreamingDayBenchmark {

    public static void main(String[] all) {
        Map<String, String> switches = new HashMap<>();
        java.util.List<String> positional = new java.util.ArrayList<>();
        for (String a : all) {
            if (a.contains("=")) {
                switches.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        String[] args = positional.toArray(String[]::new);
        int listeners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String mode = args.length > 1 ? args[1] : "hybrid";
        double hours = args.length > 2 ? Double.parseDouble(args[2]) : 24;
        int tracks = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int history = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        int segment = args.length > 5 ? Integer.parseInt(args[5]) : 1460;

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        Geography g = Geography.DEFAULT;
        Map<String, String> o = new HashMap<>();
        o.put("mode", mode);
        o.put("tracks", Integer.toString(tracks));
        if (switches.containsKey("drm")) {
            o.put("drm", switches.get("drm"));
        }
        boolean skips = "on".equals(switches.getOrDefault("skips", "off"));
        NetworkSpec spec = NetworkSpec.of("day", listeners, 1).withPeerSpec(PeerSpec.rates(100_000, 1_000_000)).withOptions(o);
        Workload w = Workload.spotify(tracks, hours * 3600).withSkips(skips ? Skips.LAMERE : Skips.NONE);
        long[] heap = new long[1];
        PlayLog log;
        long events;
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withLatency(g::latencyNanos).withSegmentBytes(segment))) {
            log = DayRun.run(sim, spec, null, w, history, 2, () -> {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                heap[0] = rt.totalMemory() - rt.freeMemory();
            });
            events = sim.eventsRun();
            sim.metrics().snapshot().byType().forEach((type, c) -> System.out.printf(Locale.ROOT,
                    "  %-22s %,d messages, %,d bytes%n", type, c.messagesSent(), c.bytesSent()));
        }
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long jvmCpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        PlaySummary s = log.summary();
        System.out.printf(Locale.ROOT, "listeners %d, mode %s, %.0f h, %d tracks (Zipf s = %.3f), history %d plays, "
                + "interleaving unit %d B, drm %s, skips %s%n", listeners, mode, hours, tracks, w.popularity().exponent(), history,
                segment, switches.getOrDefault("drm", "default"), skips ? "on" : "off");
        System.out.printf(Locale.ROOT, "wall %.1f s, CPU of the simulating thread %.1f s (of the whole JVM, GC and JIT included, "
                + "%.1f s), %d events, heap after GC at the end %.0f MB%n", wall / 1e9, cpu / 1e9, jvmCpu / 1e9, events, heap[0] / 1e6);
        System.out.println(s);
        long skipped = log.plays().stream().filter(p -> p.skipped()).count();
        System.out.printf(Locale.ROOT, "skipped %d of %d plays (%.1f%%)%n", skipped, s.plays(), 100.0 * skipped / Math.max(1, s.plays()));
        long played = 0;
        for (SourceKind k : SourceKind.values()) {
            played += log.bytes(k);
        }
        System.out.printf(Locale.ROOT, "played %.1f GB; duplicate bytes %.3f%% of played; origin sent %.1f GB%n", played / 1e9,
                100.0 * log.wastedBytes() / Math.max(1, played), log.originBytes() / 1e9);
        long[] egress = log.originEgress();
        StringBuilder sb = new StringBuilder("origin egress per hour (GB):");
        for (int h = 0; h * 60 < egress.length; h++) {
            long sum = 0;
            for (int m = h * 60; m < Math.min(egress.length, h * 60 + 60); m++) {
                sum += egress[m];
            }
            sb.append(String.format(Locale.ROOT, " %.2f", sum / 1e9));
        }
        System.out.println(sb);
    }
}
