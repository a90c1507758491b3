package p2plab.streaming.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.StreamingNetwork;
import p2plab.streaming.StreamingOverlay;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.geo.Geography;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.workload.Popularity;
import p2plab.streaming.workload.Workload;

/**
 * One simulated day of N listeners on one core: each listener's cache is first warmed with its
 * listening history (plays drawn by popularity), then every listener follows a day of Weibull
 * sessions. Prints wall time, heap after a full GC, and the figures Spotify published.
 *
 * <p>Args: listeners (10000), mode (hybrid), hours (24), tracks (20000), history plays per listener (300).
 */
public final class StreamingDayBenchmark {

    public static void main(String[] args) throws Exception {
        int listeners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String mode = args.length > 1 ? args[1] : "hybrid";
        double hours = args.length > 2 ? Double.parseDouble(args[2]) : 24;
        int tracks = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int history = args.length > 4 ? Integer.parseInt(args[4]) : 300;

        long t0 = System.nanoTime();
        Geography g = Geography.DEFAULT;
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withLatency(g::latencyNanos))) {
            Map<String, String> o = new HashMap<>();
            o.put("mode", mode);
            o.put("tracks", Integer.toString(tracks));
            o.put("serverUpload", "0");
            NetworkSpec spec = NetworkSpec.of("day", listeners, 1).withPeerSpec(PeerSpec.rates(100_000, 1_000_000)).withOptions(o);
            StreamingNetwork n = (StreamingNetwork) new StreamingOverlay().create(spec, sim);
            sim.advance(Duration.ofSeconds(1));
            Popularity p = Popularity.spotify(tracks);
            SplittableRandom r = new SplittableRandom(2);
            List<PeerId> ids = n.listeners();
            for (PeerId id : ids) {
                int[] played = new int[history];
                for (int i = 0; i < history; i++) {
                    played[i] = p.pick(r);
                }
                n.warm(id, played);
            }
            sim.advance(Duration.ofSeconds(10));
            Workload w = new Workload(p, Workload.spotify(tracks, 1).sessions(), 1.5, 0.61, hours * 3600,
                    Workload.FlashCrowd.NONE);
            List<List<ListeningSession>> plans = w.plans(ids.size(), n.options().catalogue(), 3);
            for (int i = 0; i < ids.size(); i++) {
                n.follow(ids.get(i), plans.get(i));
            }
            long t1 = System.nanoTime();
            long events0 = sim.eventsRun();
            sim.advance(Duration.ofSeconds((long) (hours * 3600) + 3600)); // sessions that start late run on
            long t2 = System.nanoTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            PlaySummary s = n.summary();
            System.out.printf(Locale.ROOT, "listeners %d, mode %s, %.0f h, %d tracks, history %d plays%n", listeners, mode, hours,
                    tracks, history);
            System.out.printf(Locale.ROOT, "setup %.1f s, simulation %.1f s wall, %d events, heap after GC %.0f MB%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, sim.eventsRun() - events0, heap / 1e6);
            n.metrics().byType().forEach((type, c) -> System.out.println("  " + type + " " + c.messagesSent()));
            System.out.println(s);
            System.out.printf(Locale.ROOT, "wasted (duplicate) bytes %.2f%% of played%n",
                    100.0 * n.log().wastedBytes() / Math.max(1, total(n)));
            long[] egress = n.log().originEgress();
            StringBuilder sb = new StringBuilder("origin egress per hour (MB):");
            for (int h = 0; h * 60 < egress.length; h++) {
                long sum = 0;
                for (int m = h * 60; m < Math.min(egress.length, h * 60 + 60); m++) {
                    sum += egress[m];
                }
                sb.append(String.format(Locale.ROOT, " %.0f", sum / 1e6));
            }
            System.out.println(sb);
            n.close();
        }
    }

    private static long total(StreamingNetwork n) {
        long t = 0;
        for (p2plab.streaming.media.SourceKind k : p2plab.streaming.media.SourceKind.values()) {
            t += n.log().bytes(k);
        }
        return t;
    }
}
