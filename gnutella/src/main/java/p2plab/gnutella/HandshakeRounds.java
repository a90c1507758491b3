package p2plab.gnutella;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.topology.Graph;

/**
 * The edges of a graph split into rounds of handshakes (the lower id dials), such that in a
 * round no servent answers two handshakes, and none both answers and dials.
 *
 * <p>Why: a servent's 200 OK carries an X-Try header with its neighbours at that moment, and
 * the servent that dialled remembers them as hosts to try later. If a servent answered while
 * another of its handshakes was ending, what it listed would depend on which ended first,
 * which over TCP is a matter of luck; in these rounds, with each round waited for, it lists
 * exactly the links of the earlier rounds, on both drivers.
 */
final class HandshakeRounds {
    /** One servent's dials in a round. */
    record Dials(int opener, int[] acceptors) { }

    private HandshakeRounds() {
    }

    /**
     * The rounds, first to last; each round's dials in ascending order of opener. Greedy: each
     * edge goes to the earliest round its two ends allow, 64 rounds at a time (the edges that
     * do not fit go to the next 64).
     */
    static List<List<Dials>> of(Graph graph) {
        int n = graph.size();
        List<int[]> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b : graph.neighbours(a)) {
                if (a < b) {
                    edges.add(new int[] {a, b});
                }
            }
        }
        List<List<Dials>> rounds = new ArrayList<>();
        while (!edges.isEmpty()) {
            long[] accepts = new long[n];
            long[] dials = new long[n];
            List<List<int[]>> block = new ArrayList<>();
            List<int[]> later = new ArrayList<>();
            for (int[] e : edges) {
                long taken = accepts[e[0]] | accepts[e[1]] | dials[e[1]];
                if (taken == -1L) {
                    later.add(e);
                    continue;
                }
                int r = Long.numberOfTrailingZeros(~taken);
                dials[e[0]] |= 1L << r;
                accepts[e[1]] |= 1L << r;
                while (block.size() <= r) {
                    block.add(new ArrayList<>());
                }
                block.get(r).add(e);
            }
            for (List<int[]> round : block) {
                rounds.add(grouped(round));
            }
            edges = later;
        }
        return rounds;
    }

    /** A round's edges (in ascending order of opener already) as one list of acceptors per opener. */
    private static List<Dials> grouped(List<int[]> round) {
        List<Dials> out = new ArrayList<>();
        int i = 0;
        while (i < round.size()) {
            int opener = round.get(i)[0];
            int j = i;
            while (j < round.size() && round.get(j)[0] == opener) {
                j++;
            }
            int[] acceptors = new int[j - i];
            for (int k = i; k < j; k++) {
                acceptors[k - i] = round.get(k)[1];
            }
            out.add(new Dials(opener, acceptors));
            i = j;
        }
        return out;
    }
}
