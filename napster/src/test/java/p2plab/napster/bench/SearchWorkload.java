package p2plab.napster.bench;

import java.util.List;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;

/**
 * The search benchmarks' shared set-up, from their first five arguments: P peers sharing F files
 * drawn from a Zipf catalogue of F/10 titles, a result cap, C searches in flight, and how long to
 * measure; plus 10,000 catalogue queries drawn by popularity.
 */
record SearchWorkload(int peers, int shares, int cap, int inFlight, int seconds, Catalogue catalogue, int[][] placement,
                      List<String> queries) {

    static SearchWorkload fromArgs(String[] args) {
        int peers = arg(args, 0, 1_000);
        int shares = arg(args, 1, 100_000);
        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(Math.max(1, shares / 10), 1).withSizes(64, 64));
        return new SearchWorkload(peers, shares, arg(args, 2, 100), arg(args, 3, 256), arg(args, 4, 10), catalogue,
                NapsterSimBenchmark.place(catalogue, peers, shares), catalogue.queries(10_000, 5));
    }

    static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
