package p2plab.napster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.napster.NapsterNetwork;
import p2plab.napster.NapsterOverlay;
import p2plab.napster.index.InvertedIndex;
import p2plab.napster.index.SharedFile;

/**
 * Napster in simulation at scale: N peers log in and share F files in total (each peer draws
 * its files by Zipf popularity from a catalogue), then S searches run. Reports the build time,
 * the heap of the whole simulation, the heap of the index alone, and search figures.
 *
 * <p>Args: peers (100000), shared files (1000000), distinct files in the catalogue (100000), searches (20000).
 */
public final class NapsterSimBenchmark {

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int shares = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int distinct = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int searches = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;

        long t0 = System.nanoTime();
        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(distinct, 1).withSizes(1024, 1024));
        for (Catalogue.Entry e : catalogue.entries()) {
            e.content().id(); // hash once, outside the measured parts
        }
        int[][] placement = place(catalogue, peers, shares);
        System.out.printf("catalogue of %,d files placed as %,d shares on %,d peers in %.1f s%n",
                distinct, shares, peers, (System.nanoTime() - t0) / 1e9);

        long indexBytes = indexOnlyHeap(catalogue, placement, false);
        System.out.printf("index alone (InvertedIndex, %,d entries, file records shared as in simulation): %.1f MiB heap%n",
                shares, indexBytes / 1048576.0);
        long copiedBytes = indexOnlyHeap(catalogue, placement, true);
        System.out.printf("index alone (InvertedIndex, %,d entries, own name and hash strings per entry as over TCP): "
                + "%.1f MiB heap%n", shares, copiedBytes / 1048576.0);

        long heapBefore = usedHeap();
        long t1 = System.nanoTime();
        SimTransport sim = SimTransport.withSeed(1);
        NapsterNetwork net = (NapsterNetwork) new NapsterOverlay().create(NetworkSpec.of("bench", peers, 1)
                .withOptions(java.util.Map.of("heartbeat", "60s", "heartbeatTimeout", "180s")), sim);
        for (int p = 0; p < peers; p++) {
            for (int rank : placement[p]) {
                net.share(PeerId.of(p + 1), catalogue.entry(rank).content());
            }
        }
        for (int i = 0; i < 600 && net.serverLoad().indexedFiles() < shares; i++) {
            sim.advance(Duration.ofMillis(100));
        }
        double buildSeconds = (System.nanoTime() - t1) / 1e9;
        var load = net.serverLoad();
        System.out.printf("network built: %,d peers logged in, %,d files indexed, %.1f s wall, %.1f s simulated, %,d events%n",
                load.connectedPeers(), load.indexedFiles(), buildSeconds, sim.clock().nanos() / 1e9, sim.eventsRun());
        System.out.printf("heap of the whole simulation (peers, nodes, index, shares): %.1f MiB%n",
                (usedHeap() - heapBefore) / 1048576.0);

        List<String> queries = catalogue.queries(searches, 2);
        SplittableRandom random = new SplittableRandom(3);
        Histogram hits = new Histogram(1000, 3);
        Histogram messages = new Histogram(1000, 3);
        long t2 = System.nanoTime();
        List<CompletableFuture<SearchResult>> running = new ArrayList<>();
        for (String q : queries) {
            running.add(net.search(PeerId.of(1 + random.nextInt(peers)), Query.of(q)));
            if (running.size() == 1000) {
                drain(sim, running, hits, messages);
            }
        }
        drain(sim, running, hits, messages);
        double searchSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("%,d searches in %.2f s wall = %,.0f searches/s simulated; hits per search p50 %d, max %d; "
                        + "messages per search p50 %d, p99 %d%n", searches, searchSeconds, searches / searchSeconds,
                hits.getValueAtPercentile(50), hits.getMaxValue(), messages.getValueAtPercentile(50),
                messages.getValueAtPercentile(99));
        net.close();
        sim.close();
    }

    private static void drain(SimTransport sim, List<CompletableFuture<SearchResult>> running, Histogram hits,
                              Histogram messages) throws Exception {
        for (CompletableFuture<SearchResult> f : running) {
            SearchResult r = sim.await(f, Duration.ofSeconds(60));
            hits.recordValue(r.hits().size());
            messages.recordValue(r.messages());
        }
        running.clear();
    }

    /** For each peer, the catalogue ranks it shares: Zipf-popular files on many peers, no repeats per peer. */
    static int[][] place(Catalogue catalogue, int peers, int shares) {
        IntSupplier ranks = catalogue.popularity().sampler(7);
        int[][] out = new int[peers][];
        for (int p = 0; p < peers; p++) {
            int n = shares / peers + (p < shares % peers ? 1 : 0);
            Set<Integer> mine = new HashSet<>();
            while (mine.size() < n) {
                mine.add(ranks.getAsInt());
            }
            out[p] = mine.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    private static long indexOnlyHeap(Catalogue catalogue, int[][] placement, boolean ownCopies) {
        InvertedIndex index = new InvertedIndex();
        List<SharedFile> files = new ArrayList<>();
        for (Catalogue.Entry e : catalogue.entries()) {
            GeneratedContent c = e.content();
            files.add(new SharedFile(c.name(), c.id(), c.size()));
        }
        long afterFiles = usedHeap();
        for (int p = 0; p < placement.length; p++) {
            String nick = PeerId.of(p + 1).label();
            for (int rank : placement[p]) {
                SharedFile f = files.get(rank - 1);
                if (ownCopies) { // what decoding a Share message gives: fresh strings for each entry
                    f = new SharedFile(new String(f.name()), new p2plab.common.content.ContentId(new String(f.id().hex())), f.size());
                }
                index.register(nick, f);
            }
        }
        long after = usedHeap();
        if (index.size() < 0) {
            throw new IllegalStateException();
        }
        // The file records are shared with the catalogue; count what the index itself adds.
        return after - afterFiles;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
