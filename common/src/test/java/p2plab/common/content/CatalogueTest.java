package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(500, 42));

    @Test
    void sameSeedGivesTheSameCatalogue() {
        Catalogue again = Catalogue.generate(CatalogueSpec.of(500, 42));
        for (int rank = 1; rank <= 500; rank++) {
            GeneratedContent a = catalogue.entry(rank).content();
            GeneratedContent b = again.entry(rank).content();
            assertEquals(a.name(), b.name());
            assertEquals(a.size(), b.size());
            assertEquals(a.key(), b.key());
        }
        assertEquals(catalogue.entry(7).content().id(), again.entry(7).content().id());
    }

    @Test
    void differentSeedsGiveDifferentCatalogues() {
        Catalogue other = Catalogue.generate(CatalogueSpec.of(500, 43));
        long same = 0;
        for (int rank = 1; rank <= 500; rank++) {
            if (other.entry(rank).content().name().equals(catalogue.entry(rank).content().name())) {
                same++;
            }
        }
        assertTrue(same < 10);
    }

    @Test
    void namesAreReadableUniqueAndSizesInRange() {
        Set<String> names = new HashSet<>();
        for (Catalogue.Entry e : catalogue.entries()) {
            String name = e.content().name();
            assertTrue(name.matches("[A-Z][a-z]+ [A-Z][a-z]+ - [A-Z][a-z]+( [A-Z][a-z]+){0,2}\\.[a-z0-9]+"), name);
            assertTrue(names.add(name), "duplicate " + name);
            assertTrue(e.content().size() >= 4096 && e.content().size() <= 262144);
        }
        Catalogue big = Catalogue.generate(CatalogueSpec.of(50, 1).withSizes(1000, 1000));
        assertTrue(big.entries().stream().allMatch(e -> e.content().size() == 1000));
    }

    @Test
    void filesHaveDistinctContent() {
        Set<Long> keys = catalogue.entries().stream().map(e -> e.content().key()).collect(Collectors.toSet());
        assertEquals(500, keys.size());
    }

    @Test
    void popularityIsZipfByRank() {
        Zipf z = new Zipf(500, CatalogueSpec.DEFAULT_ZIPF_EXPONENT);
        assertEquals(z.probability(1), catalogue.entry(1).popularity(), 1e-12);
        assertEquals(z.probability(300), catalogue.entry(300).popularity(), 1e-12);
        assertTrue(catalogue.entry(1).popularity() > catalogue.entry(2).popularity());
    }

    @Test
    void replicasFollowPopularityBetweenOneAndAllPeers() {
        int peers = 200;
        // The top file is on half the peers (default), and it only falls from there.
        assertEquals(100, catalogue.replicas(1, peers));
        int previous = peers;
        for (int rank = 1; rank <= 500; rank++) {
            int r = catalogue.replicas(rank, peers);
            assertTrue(r >= 1 && r <= peers);
            assertTrue(r <= previous);
            previous = r;
        }
        assertEquals(1, catalogue.replicas(500, peers));
        Catalogue everywhere = Catalogue.generate(CatalogueSpec.of(10, 1).withTopReplicaFraction(1.0).withZipfExponent(0));
        assertEquals(7, everywhere.replicas(10, 7));
    }

    @Test
    void placementPutsEachFileOnItsReplicaCountOfDistinctPeers() {
        int peers = 100;
        int[][] holders = catalogue.holders(peers);
        List<List<GeneratedContent>> byPeer = catalogue.placement(peers);
        assertEquals(peers, byPeer.size());
        Map<GeneratedContent, Integer> seen = new HashMap<>();
        for (List<GeneratedContent> files : byPeer) {
            assertEquals(files.size(), new HashSet<>(files).size(), "a peer holds a file twice");
            for (GeneratedContent f : files) {
                seen.merge(f, 1, Integer::sum);
            }
        }
        for (int rank = 1; rank <= 500; rank++) {
            int expected = catalogue.replicas(rank, peers);
            assertEquals(expected, holders[rank - 1].length);
            assertEquals(expected, seen.get(catalogue.entry(rank).content()));
            for (int p : holders[rank - 1]) {
                assertTrue(byPeer.get(p).contains(catalogue.entry(rank).content()));
            }
        }
    }

    @Test
    void placementIsSeeded() {
        assertArrayEquals(catalogue.holders(50), Catalogue.generate(CatalogueSpec.of(500, 42)).holders(50));
        int[][] other = Catalogue.generate(CatalogueSpec.of(500, 43)).holders(50);
        assertFalse(java.util.Arrays.deepEquals(catalogue.holders(50), other));
        // Holders are spread: the top file's 25 holders are not simply peers 0..24.
        int[] top = catalogue.holders(50)[0];
        assertEquals(25, top.length);
        assertNotEquals(24, top[top.length - 1]);
    }

    @Test
    void queriesAreSeededAndEachMatchesAFile() {
        List<String> queries = catalogue.queries(1000, 7);
        assertEquals(queries, catalogue.queries(1000, 7));
        assertNotEquals(queries, catalogue.queries(1000, 8));
        for (String q : queries) {
            assertFalse(catalogue.matching(q).isEmpty(), q);
            assertTrue(Keywords.of(q).size() == 1 || Keywords.of(q).size() == 2, q);
        }
    }

    @Test
    void searchesFindFromOneToManyFiles() {
        List<String> queries = catalogue.queries(1000, 7);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String q : queries) {
            int hits = catalogue.matching(q).size();
            min = Math.min(min, hits);
            max = Math.max(max, hits);
        }
        assertEquals(1, min);
        assertTrue(max >= 15, "a one-word search should find many files, found at most " + max);
    }

    @Test
    void queriesAskForPopularFilesMoreOften() {
        Catalogue skewed = Catalogue.generate(CatalogueSpec.of(200, 3).withZipfExponent(1.2));
        String topName = skewed.entry(1).content().name();
        String lowName = skewed.entry(200).content().name();
        long top = 0;
        long low = 0;
        for (String q : skewed.queries(5000, 1)) {
            if (Keywords.of(topName).containsAll(Keywords.of(q))) {
                top++;
            }
            if (Keywords.of(lowName).containsAll(Keywords.of(q))) {
                low++;
            }
        }
        // Single words are shared by many files, so the rare file is also hit by searches aimed elsewhere.
        assertTrue(top > 3 * low, "top " + top + " low " + low);
    }

    @Test
    void badSpecsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CatalogueSpec.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> CatalogueSpec.of(10, 1).withSizes(10, 5));
        assertThrows(IllegalArgumentException.class, () -> CatalogueSpec.of(10, 1).withZipfExponent(-1));
        assertThrows(IllegalArgumentException.class, () -> CatalogueSpec.of(10, 1).withTopReplicaFraction(0));
        assertThrows(IllegalArgumentException.class, () -> catalogue.placement(0));
    }

    @Test
    void aLargeCatalogueIsCheapToBuild() {
        // Ids are lazy: 100,000 files cost names and sizes only.
        Catalogue big = Catalogue.generate(CatalogueSpec.of(100_000, 1));
        assertEquals(100_000, big.entries().stream().map(e -> e.content().name()).distinct().count());
    }
}
