package p2plab.napster.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.Keywords;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.PeerId;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.InvertedIndex;
import p2plab.napster.index.SharedFile;

/**
 * The index server's own cost of one search, without any transport: the default
 * {@link InvertedIndex} holding F shared files of P peers answers catalogue queries on one thread.
 *
 * <p>Args: peers (1000), shared files (100000), result cap (100), searches (1000000).
 */
public final class IndexSearchBenchmark {

    public static void main(String[] args) {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int shares = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int searches = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;

        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(Math.max(1, shares / 10), 1).withSizes(64, 64));
        int[][] placement = NapsterSimBenchmark.place(catalogue, peers, shares);
        InvertedIndex index = new InvertedIndex();
        for (int p = 0; p < peers; p++) {
            for (int rank : placement[p]) {
                GeneratedContent c = catalogue.entry(rank).content();
                index.register(PeerId.of(p + 1).label(), new SharedFile(c.name(), c.id(), c.size()));
            }
        }
        List<List<String>> queries = new ArrayList<>();
        for (String q : catalogue.queries(10_000, 5)) {
            queries.add(Keywords.of(q));
        }
        Histogram latency = new Histogram(3_600_000_000L, 3);
        long found = 0;
        for (int warm = 0; warm < 200_000; warm++) {
            found += index.search(queries.get(warm % queries.size()), cap).size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < searches; i++) {
            long t = System.nanoTime();
            List<IndexEntry> r = index.search(queries.get(i % queries.size()), cap);
            latency.recordValue(System.nanoTime() - t);
            found += r.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("index of %,d files from %,d peers (%,d keywords), cap %d: %,.0f searches/s on one thread, "
                        + "p50 %.1f us, p99 %.1f us, %.1f hits per search%n", index.size(), peers, index.keywords(), cap,
                searches / seconds, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                (double) found / (searches + 200_000));
    }
}
