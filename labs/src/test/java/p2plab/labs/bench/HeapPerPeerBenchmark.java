package p2plab.labs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.session.Overlays;
import p2plab.labs.session.Settle;
import p2plab.labs.session.Transports;

/**
 * The figures behind {@code HeapBudget}'s table: for one overlay, the heap a network of
 * {@code peers} takes in the simulator, per peer. "peak" is the most heap in use after any
 * garbage collection while it was built and settled (what the build needs at its worst, old
 * garbage not yet collected included, so an upper bound); "settled" is after a full GC once it
 * has settled; "with catalogue" after sharing a catalogue of {@code files-per-peer} files per peer
 * spread over the peers as {@code compare} does ({@code sharers}, {@code shareAll}). Run one overlay per JVM so nothing else is in
 * the heap:
 *
 * <pre>BENCH_JVM=-Xmx8g bench/run labs p2plab.labs.bench.HeapPerPeerBenchmark gnutella 100000 [files-per-peer]</pre>
 */
public final class HeapPerPeerBenchmark {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int peers = Integer.parseInt(args[1]);
        int filesPerPeer = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Overlay overlay = Overlays.discover().get(name);
        AtomicLong peak = new AtomicLong();
        watchGc(peak);
        long base = usedAfterGc();
        peak.set(0);
        long t0 = System.nanoTime();
        SimTransport sim = Transports.simulator(1);
        Network net = overlay.create(new NetworkSpec(name + "-bench", peers, null, 1,
                p2plab.common.overlay.PeerSpec.UNLIMITED, Map.of()), sim, Progress.NONE);
        List<String> left = Settle.settle(net, Settle.LIMIT);
        double built = (System.nanoTime() - t0) / 1e9;
        long settled = usedAfterGc() - base;
        long peakBuild = Math.max(peak.get() - base, settled);
        if (filesPerPeer == 0) { // streaming shares no files
            System.out.printf(Locale.ROOT, "%s, %,d peers (built in %.1f s%s): peak %,d B/peer, settled %,d B/peer%n",
                    name, peers, built, left.isEmpty() ? "" : ", not settled: " + left.get(0), peakBuild / peers, settled / peers);
            net.close();
            return;
        }
        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(filesPerPeer * peers, 1));
        List<PeerId> ids = net.sharers(); // as compare places it
        List<List<GeneratedContent>> placement = catalogue.placement(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            net.shareAll(ids.get(i), placement.get(i));
        }
        sim.advance(java.time.Duration.ofSeconds(5));
        long shared = usedAfterGc() - base;
        long peakAll = Math.max(peak.get() - base, shared);
        System.out.printf(Locale.ROOT, "%s, %,d peers (built in %.1f s%s): peak %,d B/peer, settled %,d B/peer;"
                        + " with %,d files shared: %,d B/peer (%,d B per file above settled), peak %,d B/peer%n",
                name, peers, built, left.isEmpty() ? "" : ", not settled: " + left.get(0), peakBuild / peers, settled / peers,
                catalogue.size(), shared / peers, (shared - settled) / Math.max(1, catalogue.size()), peakAll / peers);
        net.close();
    }

    /** Keeps in {@code peak} the most heap in use right after any collection. */
    private static void watchGc(AtomicLong peak) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        System.gc();
        return usedNow();
    }
}
