package p2plab.labs.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Transports;

/**
 * Runs one {@link Workload} on one overlay in the simulator: build, share the catalogue, let
 * the network settle, zero the counters, ask the queries one after another, read the counters.
 * Same workload and seed, same figures.
 */
public final class Comparison {
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Sizes of the catalogue's files, 1 to 4 KiB. A comparison searches and never downloads, and
     * its simulated links have no bandwidth limit, so sizes change none of its figures; but every
     * file is hashed into its id, and at the default sizes (4 to 256 KiB, 130 KiB on average) the
     * 400,000 files of a 100,000-peer comparison were 52 GB to hash.
     */
    static final long MIN_FILE_SIZE = 1024;
    static final long MAX_FILE_SIZE = 4096;

    private Comparison() {
    }

    /** Heap the comparison needs at its worst: the heaviest overlay's network, one at a time, with the catalogue shared. */
    public static long heapNeeded(List<Overlay> overlays, Workload w) {
        return overlays.stream().mapToLong(o -> HeapBudget.network(o.name(), w.peers(), w.files())).max().orElse(0);
    }

    /**
     * How many overlays to run at a time: one per core, as long as that many of the heaviest
     * networks fit in the heap together; else 1.
     */
    public static int threads(List<Overlay> overlays, Workload w) {
        long[] needs = overlays.stream().mapToLong(o -> HeapBudget.network(o.name(), w.peers(), w.files()))
                .sorted().toArray();
        int threads = Math.min(overlays.size(), Runtime.getRuntime().availableProcessors());
        for (; threads > 1; threads--) {
            long together = 0;
            for (int i = 0; i < threads; i++) {
                together += needs[needs.length - 1 - i];
            }
            if (HeapBudget.fitsNow(together)) {
                break;
            }
        }
        return Math.max(1, threads);
    }

    /**
     * Runs every overlay on one catalogue, {@code threads} at a time, and gives their rows in the
     * order of {@code overlays}. Each run has its own simulator, seeded alike, and shares only the
     * catalogue (which no run changes), so its figures are the same on any thread and beside any
     * other. Interrupting the calling thread stops them all.
     */
    public static List<ComparisonRow> runAll(List<Overlay> overlays, Workload w, Catalogue catalogue, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ComparisonRow>> runs = new ArrayList<>();
            for (Overlay o : overlays) {
                runs.add(pool.submit(() -> run(o, w, catalogue, Progress.NONE)));
            }
            List<ComparisonRow> rows = new ArrayList<>();
            for (Future<ComparisonRow> r : runs) {
                rows.add(outcome(r));
            }
            return rows;
        } finally {
            pool.shutdownNow(); // a failed or cancelled run stops the others between two events
            boolean interrupted = Thread.interrupted();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES); // their networks are closed before we return
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ComparisonRow outcome(Future<ComparisonRow> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            } else if (e.getCause() instanceof Error err) {
                throw err; // an OutOfMemoryError reaches the shell as it would from this thread
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public static ComparisonRow run(Overlay overlay, Workload w) {
        return run(overlay, w, catalogue(w), Progress.NONE);
    }

    /**
     * The workload's catalogue, every file's id already computed (on all cores: an id is a pure
     * function of the file). Generate it once and hand it to every overlay's {@link #run}: hashing
     * the files is most of the cost of sharing them.
     */
    public static Catalogue catalogue(Workload w) {
        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(w.files(), w.seed()).withZipfExponent(w.zipf())
                .withSizes(MIN_FILE_SIZE, MAX_FILE_SIZE));
        catalogue.computeIds();
        return catalogue;
    }

    /**
     * Runs it on {@code catalogue} (from {@link #catalogue}), telling {@code progress} how many
     * queries are done; it may stop the run by throwing.
     */
    public static ComparisonRow run(Overlay overlay, Workload w, Catalogue catalogue, Progress progress) {
        List<String> queries = catalogue.queries(w.queries(), w.seed());
        try (SimTransport transport = Transports.simulator(w.seed());
             Network net = overlay.create(new NetworkSpec("compare-" + overlay.name(), w.peers(), null, w.seed(),
                     PeerSpec.UNLIMITED, Map.of()), transport, progress)) {
            transport.advance(SETTLE);
            List<PeerId> sharers = net.sharers();
            List<List<GeneratedContent>> placement = catalogue.placement(sharers.size());
            for (int i = 0; i < sharers.size(); i++) {
                net.shareAll(sharers.get(i), placement.get(i));
            }
            transport.advance(SETTLE);
            transport.metrics().reset();
            SplittableRandom askers = new SplittableRandom(w.seed());
            long messages = 0;
            int found = 0;
            int timeouts = 0;
            long hops = 0;
            double latency = 0;
            int asked = 0;
            for (String q : queries) {
                progress.update(overlay.name() + ": queries", asked++, queries.size());
                PeerId from = sharers.get(askers.nextInt(sharers.size()));
                SearchResult r;
                try {
                    r = transport.await(net.search(from, new Query(q, w.ttl())), SEARCH_TIMEOUT);
                } catch (TimeoutException e) {
                    timeouts++;
                    continue;
                }
                messages += r.messages();
                if (r.found()) {
                    found++;
                    hops += r.hopsToFirstHit();
                    latency += r.latencyMillis();
                }
            }
            MetricsSnapshot s = transport.metrics().snapshot();
            Map.Entry<String, Counts> busiest = s.byPeer().entrySet().stream()
                    .max(Map.Entry.comparingByValue((a, b) -> Long.compare(load(a), load(b)))).orElse(null);
            int n = queries.size();
            return new ComparisonRow(overlay.name(), n, (double) messages / n, (double) found / n,
                    found == 0 ? -1 : (double) hops / found, found == 0 ? 0 : latency / found,
                    busiest == null ? "-" : busiest.getKey(), busiest == null ? 0 : load(busiest.getValue()),
                    s.total().messagesSent(), timeouts);
        }
    }

    private static long load(Counts c) {
        return c.messagesSent() + c.messagesReceived();
    }
}
