package p2plab.common.topology;

import java.util.SplittableRandom;

/**
 * One draw of the configuration model for {@link Topologies#randomRegular}: pair shuffled stubs,
 * then repair self-loops and repeated edges by degree-preserving switches. Kept apart because the
 * bookkeeping (edge arrays, the set of present edges, which edges still need repair) is its own job.
 */
final class RegularPairing {
    private final int[] ea;
    private final int[] eb;
    private final boolean[] bad;
    private final LongSet present;

    private RegularPairing(int edges) {
        ea = new int[edges];
        eb = new int[edges];
        bad = new boolean[edges];
        present = new LongSet(edges);
    }

    /** A simple {@code degree}-regular graph on n nodes, or null if the repairs got stuck (retry). */
    static Graph draw(int n, int degree, SplittableRandom random) {
        int[] stubs = new int[Math.multiplyExact(n, degree)];
        for (int i = 0; i < stubs.length; i++) {
            stubs[i] = i / degree;
        }
        for (int i = stubs.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = stubs[i];
            stubs[i] = stubs[j];
            stubs[j] = t;
        }
        RegularPairing p = new RegularPairing(stubs.length / 2);
        for (int k = 0; k < p.ea.length; k++) {
            p.ea[k] = stubs[2 * k];
            p.eb[k] = stubs[2 * k + 1];
            p.bad[k] = p.ea[k] == p.eb[k] || !p.present.add(key(p.ea[k], p.eb[k]));
        }
        for (int k = 0; k < p.ea.length; k++) {
            if (p.bad[k] && !p.repair(k, random)) {
                return null;
            }
        }
        Graph.Builder b = new Graph.Builder(n);
        for (int k = 0; k < p.ea.length; k++) {
            b.addNew(p.ea[k], p.eb[k]); // repaired: no loop, no edge twice
        }
        return b.build();
    }

    /** Switches bad edge k {a,b} with a random good edge {c,d} into {a,c} + {b,d}, if both are new. */
    private boolean repair(int k, SplittableRandom random) {
        int a = ea[k];
        int b = eb[k];
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int j = random.nextInt(ea.length);
            if (bad[j]) {
                continue;
            }
            int c = ea[j];
            int d = eb[j];
            if (random.nextBoolean()) {
                int t = c;
                c = d;
                d = t;
            }
            if (a == c || b == d || present.contains(key(a, c)) || present.contains(key(b, d))
                    || key(a, c) == key(b, d)) {
                continue;
            }
            present.remove(key(c, d));
            present.add(key(a, c));
            present.add(key(b, d));
            ea[k] = a;
            eb[k] = c;
            ea[j] = b;
            eb[j] = d;
            bad[k] = false;
            return true;
        }
        return false;
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }
}
