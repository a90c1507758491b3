package p2plab.labs.session;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * What a network will take from the Java heap, checked before it is built: a command that
 * cannot fit is refused at once with the estimate, the heap still free and how to give Java
 * more, instead of running for minutes and dying with an {@link OutOfMemoryError}. If one still
 * happens, {@link #outOfMemory} words it the same way.
 *
 * <p>The figures are measured, not derived: {@code HeapPerPeerBenchmark} (labs test sources,
 * see docs/benchmarks.md) builds each overlay's network in the simulator and records the most
 * heap in use after any collection while it builds; the table holds that peak per peer plus a
 * margin (Napster, Gnutella and Kazaa at 20,000 peers and Kademlia at 5,000, re-measured after the
 * memory cuts of issue 19; BitTorrent and streaming at 2,000;
 * docs/benchmarks.md, "Issue 19"). When an overlay's peers get lighter or heavier, re-run the
 * benchmark and update {@link #BYTES_PER_PEER} and {@link #BYTES_PER_FILE}: the only place
 * these numbers live.
 */
public final class HeapBudget {
    /** Peak heap per peer while a network of the overlay builds and settles, in bytes, margin included. */
    static final Map<String, Long> BYTES_PER_PEER = Map.of(
            "napster", 3_000L,
            "gnutella", 6_500L,
            "kazaa", 3_500L,
            "bittorrent", 6_000L,
            "kademlia", 8_000L,
            "streaming", 6_000L);
    /**
     * Peak heap per file of a generated catalogue shared over the overlay's peers (compare,
     * experiments), margin included: the index entries, the peers' shared lists and, for
     * BitTorrent, the pieces hashed while a torrent is made.
     */
    static final Map<String, Long> BYTES_PER_FILE = Map.of(
            "napster", 2_000L,
            "gnutella", 1_000L,
            "kazaa", 1_500L,
            "bittorrent", 28_000L,
            "kademlia", 2_000L,
            "streaming", 4_000L);
    /** An overlay missing from a table is assumed to be as heavy as the heaviest in it. */
    static final long UNKNOWN_PEER = max(BYTES_PER_PEER);
    static final long UNKNOWN_FILE = max(BYTES_PER_FILE);
    /** What a fresh shell needs besides networks (JIT, picocli, JLine): never hand all of the heap out. */
    static final long HEADROOM = 32L << 20;
    /** {@code -Dp2plab.memoryCheck=off} builds without asking (the recovery test uses it; so may someone who knows better). */
    static final String SWITCH = "p2plab.memoryCheck";

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    /** What the command running on this thread said it needs, for wording an {@link OutOfMemoryError}. */
    private static final ThreadLocal<Need> LAST = new ThreadLocal<>();

    private HeapBudget() {
    }

    /** A command's estimate: {@code what} (as the user would say it) needs {@code bytes} of heap. */
    public record Need(String what, long bytes) {
    }

    /** The heap as Java sees it: the most it may grow to, and what is in use now (garbage included). */
    public record Heap(long max, long used) {
        static Heap now() {
            Runtime r = Runtime.getRuntime();
            return new Heap(r.maxMemory(), r.totalMemory() - r.freeMemory());
        }

        long free() {
            return Math.max(0, max - used);
        }
    }

    /** Heap a network of {@code peers} peers of {@code overlay} needs while it builds. */
    public static long network(String overlay, int peers) {
        return BYTES_PER_PEER.getOrDefault(overlay, UNKNOWN_PEER) * peers;
    }

    /** Heap that network needs with a catalogue of {@code files} files shared over its peers. */
    public static long network(String overlay, int peers, long files) {
        return network(overlay, peers) + BYTES_PER_FILE.getOrDefault(overlay, UNKNOWN_FILE) * files;
    }

    private static long max(Map<String, Long> table) {
        return table.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /**
     * Refuses at once, with a {@link LabException} saying what to do, when {@code bytes} more will
     * not fit in the heap. Garbage counts as free: when the heap looks too full, one full
     * collection is asked for before deciding.
     */
    public static void require(String what, long bytes) {
        Need need = new Need(what, bytes);
        LAST.set(need);
        if ("off".equals(System.getProperty(SWITCH))) {
            return;
        }
        if (fits(bytes, Heap.now())) {
            return;
        }
        System.gc();
        Heap heap = Heap.now();
        if (!fits(bytes, heap)) {
            throw new LabException(refusal(need, heap, physicalMemory()));
        }
    }

    /** True if {@code bytes} more fit in the heap now (garbage not counted as free); asks nothing, refuses nothing. */
    public static boolean fitsNow(long bytes) {
        return fits(bytes, Heap.now());
    }

    static boolean fits(long bytes, Heap heap) {
        return bytes + HEADROOM <= heap.free();
    }

    /** Forgets the last estimate: a new command starts. */
    public static void forget() {
        LAST.remove();
    }

    /**
     * The one line for an {@link OutOfMemoryError}: the same as a refusal when the command had
     * made an estimate (on this thread), else what Java may use and how to give it more.
     */
    public static String outOfMemory() {
        Need need = LAST.get();
        Heap heap = Heap.now();
        if (need != null) {
            return "out of memory: " + refusal(need, heap, physicalMemory()) + " (what it had built is dropped)";
        }
        return "out of memory: the command needed more than the " + size(heap.max()) + " of heap Java may use, and stopped"
                + " (what it had built is dropped); " + raise(heap.max() * 2, heap, physicalMemory());
    }

    /** "NEED needs about X of heap, but Y is free (Java may use Z); start p2plab with ... or ...". */
    static String refusal(Need need, Heap heap, long physical) {
        return need.what() + " needs about " + size(need.bytes()) + " of heap, but " + size(heap.free()) + " is free (Java may use "
                + size(heap.max()) + "); " + raise(need.bytes() + heap.used() + HEADROOM, heap, physical);
    }

    /** How to give Java {@code wanted} bytes of heap, or why it cannot have them here. */
    private static String raise(long wanted, Heap heap, long physical) {
        long gib = Math.max((heap.max() + GIB - 1) / GIB + 1, (wanted + GIB - 1) / GIB);
        if (physical > 0 && gib * GIB > physical) {
            return "that is more than this machine's " + size(physical) + " of memory: use fewer peers";
        }
        return "start p2plab with more, e.g. P2PLAB_JAVA_OPTS=-Xmx" + gib + "g ./p2plab, or use fewer peers";
    }

    /** Physical memory of the machine (0 if Java cannot tell). */
    static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    /** 1.5 GiB, 700 MiB. */
    static String size(long bytes) {
        return bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", (double) bytes / GIB)
                : String.format(Locale.ROOT, "%d MiB", (bytes + MIB - 1) / MIB);
    }
}
