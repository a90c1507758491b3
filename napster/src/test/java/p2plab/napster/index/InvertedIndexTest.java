package p2plab.napster.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.content.Keywords;

class InvertedIndexTest {
    private final InvertedIndex index = new InvertedIndex();

    private static SharedFile file(String name) {
        return new SharedFile(name, ContentId.of(Digests.sha256(name.getBytes())), name.length());
    }

    private static List<String> names(List<IndexEntry> entries) {
        return entries.stream().map(e -> e.peer() + ":" + e.file().name()).toList();
    }

    @Test
    void everyKeywordMustBeAWordOfTheNameIgnoringCase() {
        index.register("p1", file("Led_Zeppelin - Stairway.mp3"));
        index.register("p2", file("Zeppelin Live.ogg"));
        index.register("p3", file("Stairways.mp3"));
        assertEquals(List.of("p1:Led_Zeppelin - Stairway.mp3"), names(index.search(Keywords.of("STAIRWAY zeppelin"), 10)));
        assertEquals(List.of("p1:Led_Zeppelin - Stairway.mp3", "p2:Zeppelin Live.ogg"),
                names(index.search(Keywords.of("zeppelin"), 10)));
        assertEquals(List.of(), index.search(Keywords.of("stair"), 10), "a prefix is not a word");
        assertEquals(List.of(), index.search(Keywords.of("zeppelin nothere"), 10));
        assertEquals(List.of(), index.search(List.of(), 10));
    }

    @Test
    void resultCapIsHonouredOldestFirst() {
        for (int i = 0; i < 20; i++) {
            index.register("p" + i, file("song " + i + ".mp3"));
        }
        List<IndexEntry> found = index.search(List.of("song"), 5);
        assertEquals(5, found.size());
        assertEquals("p0", found.get(0).peer());
        assertEquals("p4", found.get(4).peer());
        assertEquals(List.of(), index.search(List.of("song"), 0));
    }

    @Test
    void unregisterAndPeerDepartureRemoveEntries() {
        index.register("p1", file("a b.mp3"));
        index.register("p1", file("a c.mp3"));
        index.register("p2", file("a b.mp3"));
        assertEquals(3, index.size());
        assertTrue(index.unregister("p1", "a b.mp3"));
        assertFalse(index.unregister("p1", "a b.mp3"));
        assertEquals(List.of("p2:a b.mp3"), names(index.search(List.of("b"), 10)));
        assertEquals(1, index.removePeer("p1"));
        assertEquals(0, index.removePeer("p1"));
        assertEquals(List.of("p2:a b.mp3"), names(index.search(List.of("a"), 10)));
        assertEquals(1, index.size());
    }

    @Test
    void registeringTheSameNameTwiceReplaces() {
        index.register("p1", file("x y.mp3"));
        index.register("p1", new SharedFile("x y.mp3", file("other").id(), 99));
        List<IndexEntry> found = index.search(List.of("x"), 10);
        assertEquals(1, found.size());
        assertEquals(99, found.get(0).file().size());
    }

    @Test
    void aWordTwiceInANameIsOneHit() {
        index.register("p1", file("na na na.mp3"));
        assertEquals(1, index.search(List.of("na", "na"), 10).size());
    }

    @Test
    void agreesWithAFullScanUnderRandomChurnAndCompaction() {
        ScanIndex oracle = new ScanIndex();
        SplittableRandom random = new SplittableRandom(7);
        String[] words = {"amber", "river", "night", "echo", "blue", "storm", "mp3", "ogg"};
        for (int step = 0; step < 30_000; step++) {
            String peer = "p" + random.nextInt(60);
            int op = random.nextInt(10);
            String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " "
                    + random.nextInt(40) + "." + words[6 + random.nextInt(2)];
            if (op < 6) {
                index.register(peer, file(name));
                oracle.register(peer, file(name));
            } else if (op < 8) {
                assertEquals(oracle.unregister(peer, name), index.unregister(peer, name));
            } else if (op < 9) {
                assertEquals(oracle.removePeer(peer), index.removePeer(peer));
            } else {
                List<String> q = List.of(words[random.nextInt(words.length)], words[random.nextInt(words.length)]);
                int cap = 1 + random.nextInt(30);
                assertEquals(names(oracle.search(q, cap)), names(index.search(q, cap)), "search " + q + " at step " + step);
            }
            assertEquals(oracle.size(), index.size());
        }
    }
}
