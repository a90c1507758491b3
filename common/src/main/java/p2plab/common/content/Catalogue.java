package p2plab.common.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import p2plab.common.cores.EveryCore;

/**
 * A seeded catalogue of synthetic files for workloads: readable names such as
 * {@code "Velvet Harbor - Quiet Morning Lanterns.mp3"}, sizes, Zipf popularity, a placement of
 * replicas over peers, and a query stream drawn by popularity. The same spec always gives the
 * same catalogue, placement and queries, so two overlays can be compared on one workload.
 *
 * <p>Names use a small vocabulary on purpose: a one-word search finds many files, a two-word
 * search few, so searches return anywhere from one to many hits.
 */
public final class Catalogue {

    /** One file of the catalogue. {@code popularity} is its Zipf probability; rank 1 is the most popular. */
    public record Entry(int rank, GeneratedContent content, double popularity) {
    }

    private static final long PLACEMENT_SALT = 0x2545F4914F6CDD1DL;

    private final CatalogueSpec spec;
    private final Zipf zipf;
    private final List<Entry> entries;
    private List<List<GeneratedContent>> lastPlacement;
    private int lastPlacementPeers = -1;

    private Catalogue(CatalogueSpec spec, Zipf zipf, List<Entry> entries) {
        this.spec = spec;
        this.zipf = zipf;
        this.entries = List.copyOf(entries);
    }

    public static Catalogue generate(CatalogueSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        Zipf zipf = new Zipf(spec.files(), spec.zipfExponent());
        Set<String> names = new HashSet<>();
        List<Entry> entries = new ArrayList<>(spec.files());
        for (int rank = 1; rank <= spec.files(); rank++) {
            String name = uniqueName(random, names);
            long size = random.nextLong(spec.minSize(), spec.maxSize() + 1);
            GeneratedContent content = new GeneratedContent(name, size, random.nextLong());
            entries.add(new Entry(rank, content, zipf.probability(rank)));
        }
        return new Catalogue(spec, zipf, entries);
    }

    public CatalogueSpec spec() {
        return spec;
    }

    /**
     * Computes every file's id now, on all cores, rather than one by one as peers share them. An id
     * depends on its file alone, so the result is the same whatever the thread count.
     */
    public void computeIds() {
        EveryCore.forEach(entries.size(), i -> entries.get(i).content().id());
    }

    /** Every file, most popular first. */
    public List<Entry> entries() {
        return entries;
    }

    public Entry entry(int rank) {
        return entries.get(rank - 1);
    }

    public int size() {
        return entries.size();
    }

    /** The popularity distribution queries are drawn from. */
    public Zipf popularity() {
        return zipf;
    }

    /** How many of {@code peers} peers hold the file of {@code rank}: in 1..peers, falling with rank as 1/rank^s. */
    public int replicas(int rank, int peers) {
        if (peers < 1) {
            throw new IllegalArgumentException("placement needs at least 1 peer, got " + peers);
        }
        double share = spec.topReplicaFraction() * Math.pow(rank, -spec.zipfExponent());
        long r = Math.round(peers * share);
        return (int) Math.max(1, Math.min(peers, r));
    }

    /** For each file (index rank - 1), the peers (0..peers-1, ascending) that hold it. */
    public int[][] holders(int peers) {
        SplittableRandom random = new SplittableRandom(spec.seed() ^ PLACEMENT_SALT);
        int[][] holders = new int[entries.size()][];
        BitSet taken = new BitSet(peers);
        for (int i = 0; i < holders.length; i++) {
            holders[i] = distinct(random, replicas(i + 1, peers), peers, taken);
        }
        return holders;
    }

    /**
     * What each peer (index 0..peers-1) shares, most popular first. Some peers may share nothing.
     * The last placement is kept: a comparison asks for the same one for every overlay.
     */
    public synchronized List<List<GeneratedContent>> placement(int peers) {
        if (peers != lastPlacementPeers) {
            lastPlacement = place(peers);
            lastPlacementPeers = peers;
        }
        return lastPlacement;
    }

    private List<List<GeneratedContent>> place(int peers) {
        int[][] holders = holders(peers);
        int[] counts = new int[peers];
        for (int[] h : holders) {
            for (int p : h) {
                counts[p]++;
            }
        }
        GeneratedContent[][] byPeer = new GeneratedContent[peers][];
        for (int p = 0; p < peers; p++) {
            byPeer[p] = new GeneratedContent[counts[p]];
            counts[p] = 0;
        }
        for (int i = 0; i < holders.length; i++) {
            GeneratedContent c = entries.get(i).content();
            for (int p : holders[i]) {
                byPeer[p][counts[p]++] = c;
            }
        }
        List<List<GeneratedContent>> frozen = new ArrayList<>(peers);
        for (GeneratedContent[] files : byPeer) {
            frozen.add(List.of(files));
        }
        return List.copyOf(frozen);
    }

    /**
     * {@code count} searches: each picks a file by popularity and asks for one or two words of its
     * name (never the extension alone), so every search matches at least that file.
     */
    public List<String> queries(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("query count must be >= 0, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            Entry target = entry(zipf.sample(random));
            List<String> words = Keywords.of(target.content().name());
            words = words.subList(0, words.size() - 1); // drop the extension: "mp3" alone finds everything
            int first = random.nextInt(words.size());
            if (words.size() > 1 && random.nextBoolean()) {
                int second = random.nextInt(words.size() - 1);
                if (second >= first) {
                    second++;
                }
                out.add(words.get(Math.min(first, second)) + " " + words.get(Math.max(first, second)));
            } else {
                out.add(words.get(first));
            }
        }
        return out;
    }

    /** The files a search would find if it reached every peer: every query word is a word of the name. */
    public List<Entry> matching(String query) {
        List<String> words = Keywords.of(query);
        return entries.stream().filter(e -> e.content().keywords().containsAll(words)).toList();
    }

    /**
     * {@code k} distinct values of 0..n-1, ascending (Floyd's sampling: k draws, no shuffle of n).
     * {@code taken} is all clear before and after: one bit set of n reused for every file, where a
     * set of boxed integers per file made placing 400,000 files a garbage collector's job.
     */
    private static int[] distinct(SplittableRandom random, int k, int n, BitSet taken) {
        int[] out = new int[k];
        int m = 0;
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = taken.get(t) ? j : t; // j itself is never taken yet: earlier picks are all below it
            taken.set(pick);
            out[m++] = pick;
        }
        for (int v : out) {
            taken.clear(v);
        }
        Arrays.sort(out);
        return out;
    }

    private static String uniqueName(SplittableRandom random, Set<String> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = Names.random(random);
            if (taken.add(name)) {
                return name;
            }
        }
        // The vocabulary ran short (hundreds of thousands of files): number the name.
        String base = Names.random(random);
        for (int i = 2; ; i++) {
            String name = base.replace(".", " " + i + ".");
            if (taken.add(name)) {
                return name;
            }
        }
    }
}
