package p2plab.kazaa.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;

/**
 * A seeded search workload that speaks only the Overlay SPI, so the same catalogue, placement,
 * askers and queries can be run on any overlay: place the catalogue's files on the peers, then
 * ask queries from random peers and average what the searches report.
 */
public final class SearchWorkload {

    /** What a run of queries cost and found. */
    public record Figures(int queries, double messagesPerQuery, double successRate, double meanHits,
                          double meanPeersReached, long wallMillis) {
        @Override
        public String toString() {
            return String.format("%d queries: %.1f messages/query, success %.1f%%, %.1f hits, %.1f peers reached, %d ms",
                    queries, messagesPerQuery, 100 * successRate, meanHits, meanPeersReached, wallMillis);
        }
    }

    /** The workload of the Kazaa-vs-Gnutella comparison: 2,000 files, default skew, seed 2026. */
    public static CatalogueSpec comparisonCatalogue() {
        return CatalogueSpec.of(2_000, 2026);
    }

    private SearchWorkload() {
    }

    /** Shares the catalogue's placement over peers 0..n-1 of {@code net}. */
    public static void place(Network net, Catalogue catalogue) {
        List<PeerId> ids = net.peers();
        List<List<GeneratedContent>> placement = catalogue.placement(ids.size());
        for (int p = 0; p < ids.size(); p++) {
            for (GeneratedContent c : placement.get(p)) {
                net.share(ids.get(p), c);
            }
        }
        net.transport().advance(Duration.ofSeconds(2)); // let the file lists reach the index
    }

    /**
     * Runs {@code queries}, each from a random peer (seeded), {@code concurrency} at a time.
     */
    public static Figures run(Network net, List<String> queries, long seed, int concurrency) throws TimeoutException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<PeerId> ids = net.peers();
        long messages = 0;
        long hits = 0;
        long reached = 0;
        int found = 0;
        for (int i = 0; i < queries.size(); i += concurrency) {
            List<CompletableFuture<SearchResult>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(queries.size(), i + concurrency); j++) {
                batch.add(net.search(ids.get(random.nextInt(ids.size())), Query.of(queries.get(j))));
            }
            net.transport().await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), Duration.ofMinutes(5));
            for (CompletableFuture<SearchResult> f : batch) {
                SearchResult r = f.join();
                messages += r.messages();
                hits += r.hits().size();
                reached += r.peersReached();
                found += r.found() ? 1 : 0;
            }
        }
        int n = queries.size();
        return new Figures(n, messages / (double) n, found / (double) n, hits / (double) n, reached / (double) n,
                (System.nanoTime() - start) / 1_000_000);
    }
}
