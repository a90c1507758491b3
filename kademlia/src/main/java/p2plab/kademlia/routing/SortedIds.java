package p2plab.kademlia.routing;

import java.util.Arrays;
import java.util.Comparator;
import p2plab.kademlia.krpc.NodeId;

/**
 * The ids of a whole network in sorted order. The ids that share their first b bits with any
 * id are one run of this order, and within that run those whose next bit is 0 come before
 * those whose next bit is 1: so a bucket range, or the nodes nearest a key, is found by
 * halving a run bit by bit, one binary search per bit, with no id compared whole.
 */
public final class SortedIds {
    private final NodeId[] sorted;
    /** The first 64 bits of each sorted id: bits 0..63 are read here, without reaching into the ids. */
    private final long[] top;
    /** {@code order[p]}: the index (in the caller's array) of the p-th smallest id. */
    private final int[] order;

    public SortedIds(NodeId[] ids) {
        Integer[] byId = new Integer[ids.length];
        for (int i = 0; i < byId.length; i++) {
            byId[i] = i;
        }
        Arrays.parallelSort(byId, Comparator.comparing(i -> ids[i])); // stable: the same order on any number of cores
        this.sorted = new NodeId[ids.length];
        this.order = new int[ids.length];
        this.top = new long[ids.length];
        for (int p = 0; p < byId.length; p++) {
            order[p] = byId[p];
            sorted[p] = ids[byId[p]];
            for (int i = 0; i < Long.BYTES; i++) {
                top[p] = top[p] << 8 | sorted[p].byteAt(i);
            }
        }
    }

    public int size() {
        return sorted.length;
    }

    /** The caller's index of the id at sorted position {@code p}. */
    public int indexAt(int p) {
        return order[p];
    }

    /**
     * Within the run {@code [lo, hi)}, whose ids all share their first {@code bit} bits, the first
     * position whose id has bit {@code bit} set ({@code hi} if none).
     */
    public int split(int lo, int hi, int bit) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bit < Long.SIZE ? top[mid] << bit < 0 : sorted[mid].bit(bit)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The caller's indexes of the {@code n} ids closest to {@code target} by XOR, closest first
     * (fewer if there are fewer ids). The ids sharing b + 1 leading bits with the target are all
     * closer than those sharing exactly b, so it halves the run towards the target while that
     * half still holds n ids, then sorts the last run (a few times n ids) by distance.
     */
    public int[] closest(NodeId target, int n) {
        int lo = 0;
        int hi = sorted.length;
        for (int b = 0; b < NodeId.BITS && hi - lo > n; b++) {
            int mid = split(lo, hi, b);
            boolean one = target.bit(b);
            int nearLo = one ? mid : lo;
            int nearHi = one ? hi : mid;
            if (nearHi - nearLo < n) {
                break;
            }
            lo = nearLo;
            hi = nearHi;
        }
        Integer[] run = new Integer[hi - lo];
        for (int p = lo; p < hi; p++) {
            run[p - lo] = p;
        }
        Arrays.sort(run, (a, b) -> target.closer(sorted[a], sorted[b]));
        int[] out = new int[Math.min(n, run.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[run[i]];
        }
        return out;
    }
}
