package p2plab.labs.assignment.napster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.common.content.BytesContent;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.assignment.sim.SimSteps;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;
import p2plab.napster.NapsterOverlay;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.SharedFile;

/** Lab 1: the Napster index store, on its own and inside a simulated Napster network. 25 points. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class NapsterLabTests {

    private static IndexStore store() {
        return Subject.get(IndexStore.class);
    }

    private static SharedFile file(String name) {
        return new SharedFile(name, new ContentId("0".repeat(63) + Integer.toHexString(Math.abs(name.hashCode()) % 16)), 100);
    }

    private static List<String> peersOf(List<IndexEntry> entries) {
        return entries.stream().map(e -> e.peer() + ":" + e.file().name()).toList();
    }

    @Test
    @DisplayName("1.1 a registered file is found by a word of its name")
    @Graded(points = 2)
    void registeredFileIsFound() {
        IndexStore s = store();
        s.register("alice", file("Amber River.mp3"));
        assertEquals(List.of("alice:Amber River.mp3"), peersOf(s.search(List.of("river"), 10)),
                "search [river] after alice registered 'Amber River.mp3'");
        assertEquals(1, s.size(), "size() after one registration");
    }

    @Test
    @DisplayName("1.2 every keyword must be a whole word of the name, case ignored")
    @Graded(points = 3)
    void keywordsAreWholeWordsAllRequired() {
        IndexStore s = store();
        s.register("alice", file("Amber River.mp3"));
        s.register("bob", file("amber STORM.ogg"));
        s.register("carol", file("Amberlight.mp3"));
        assertEquals(List.of("alice:Amber River.mp3", "bob:amber STORM.ogg"), peersOf(s.search(List.of("amber"), 10)),
                "[amber] matches the word 'Amber'/'amber' but not 'Amberlight'");
        assertEquals(List.of("bob:amber STORM.ogg"), peersOf(s.search(List.of("storm", "amber"), 10)),
                "[storm, amber]: every keyword must match, in any order");
        assertEquals(List.of(), peersOf(s.search(List.of("amber", "night"), 10)), "[amber, night]: no name holds both");
        assertEquals(List.of("carol:Amberlight.mp3"), peersOf(s.search(List.of("mp3", "amberlight"), 10)),
                "the extension is a word too");
    }

    @Test
    @DisplayName("1.3 results are capped at maxResults, oldest registration first")
    @Graded(points = 3)
    void capAndOrder() {
        IndexStore s = store();
        for (int i = 0; i < 8; i++) {
            s.register("p" + i, file("song " + i + " live.mp3"));
        }
        assertEquals(List.of("p0:song 0 live.mp3", "p1:song 1 live.mp3", "p2:song 2 live.mp3"),
                peersOf(s.search(List.of("live"), 3)), "the first three registered, in order");
        assertEquals(8, s.search(List.of("song"), 100).size(), "a cap above the matches returns them all");
        assertEquals(List.of(), s.search(List.of("song"), 0), "maxResults 0 returns nothing");
    }

    @Test
    @DisplayName("1.4 registering the same name again replaces the entry")
    @Graded(points = 2)
    void reRegisterReplaces() {
        IndexStore s = store();
        s.register("alice", file("Blue Night.mp3"));
        s.register("bob", file("Blue Night.mp3"));
        s.register("alice", new SharedFile("Blue Night.mp3", file("x").id(), 999));
        List<IndexEntry> hits = s.search(List.of("blue"), 10);
        assertEquals(2, hits.size(), "alice shares the name once, bob once: " + peersOf(hits));
        assertEquals(2, s.size(), "size() counts one entry per (peer, name)");
        assertEquals(999, hits.stream().filter(e -> e.peer().equals("alice")).findFirst().orElseThrow().file().size(),
                "alice's entry is the newer one");
    }

    @Test
    @DisplayName("1.5 unregister removes one entry and says whether it existed")
    @Graded(points = 2)
    void unregister() {
        IndexStore s = store();
        s.register("alice", file("Velvet Quiet.mp3"));
        s.register("alice", file("Velvet Loud.mp3"));
        s.register("bob", file("Velvet Quiet.mp3"));
        assertTrue(s.unregister("alice", "Velvet Quiet.mp3"), "alice shared it");
        assertFalse(s.unregister("alice", "Velvet Quiet.mp3"), "not any more");
        assertFalse(s.unregister("carol", "Velvet Loud.mp3"), "carol never shared it");
        assertEquals(List.of("alice:Velvet Loud.mp3", "bob:Velvet Quiet.mp3"), peersOf(s.search(List.of("velvet"), 10)));
        assertEquals(2, s.size());
    }

    @Test
    @DisplayName("1.6 a departed peer's files all disappear, and only its files")
    @Graded(points = 3)
    void removePeer() {
        IndexStore s = store();
        s.register("alice", file("a one.mp3"));
        s.register("bob", file("b one.mp3"));
        s.register("alice", file("a two.mp3"));
        assertEquals(2, s.removePeer("alice"), "alice shared two files");
        assertEquals(0, s.removePeer("alice"), "nothing left of alice");
        assertEquals(List.of("bob:b one.mp3"), peersOf(s.search(List.of("one"), 10)));
        assertEquals(1, s.size());
    }

    @Test
    @DisplayName("1.7 an empty keyword list matches nothing")
    @Graded(points = 1)
    void emptyQuery() {
        IndexStore s = store();
        s.register("alice", file("x.mp3"));
        assertEquals(List.of(), s.search(List.of(), 10));
    }

    @Test
    @DisplayName("1.8 many peers: counts stay right after churn")
    @Graded(points = 3, visibility = Visibility.HIDDEN)
    void churn() {
        IndexStore s = store();
        for (int p = 0; p < 200; p++) {
            for (int f = 0; f < 10; f++) {
                s.register("peer" + p, file("track " + f + " by artist" + (p % 7) + ".mp3"));
            }
        }
        assertEquals(2000, s.size());
        int removed = 0;
        for (int p = 0; p < 200; p += 2) {
            removed += s.removePeer("peer" + p);
        }
        assertEquals(1000, removed, "removePeer counts");
        assertEquals(1000, s.size());
        List<IndexEntry> hits = s.search(List.of("artist3", "track", "4"), 1000);
        long expected = java.util.stream.IntStream.range(0, 200).filter(p -> p % 2 == 1 && p % 7 == 3).count();
        assertEquals(expected, hits.size(), "one 'track 4' per odd peer of artist3");
    }

    @Test
    @DisplayName("1.9 in a simulated Napster network: searches find live sharers, not crashed ones")
    @Graded(points = 6)
    void insideTheOverlay() {
        try (SimTransport sim = SimTransport.withSeed(9);
             Network net = new NapsterOverlay(Subject.factory(IndexStore.class)).create(NetworkSpec.of("lab1", 4, 9), sim)) {
            SimSteps steps = new SimSteps(sim);
            steps.within(Duration.ofSeconds(5), () -> false); // let every peer log in
            net.share(PeerId.of(1), content("Amber River.mp3"));
            net.share(PeerId.of(2), content("Amber Storm.ogg"));
            net.share(PeerId.of(3), content("Blue Night.mp3"));
            steps.within(Duration.ofSeconds(2), () -> false);
            assertEquals(Set(1, 2), holders(steps.await(net.search(PeerId.of(4), Query.of("amber")), Duration.ofSeconds(30))),
                    "peer 4 searching 'amber' finds peers 1 and 2");
            net.kill(PeerId.of(1));
            boolean gone = steps.within(Duration.ofSeconds(60), () -> holders(
                    steps.await(net.search(PeerId.of(4), Query.of("amber")), Duration.ofSeconds(30))).equals(Set(2)));
            assertTrue(gone, "after peer 1 crashed, 'amber' should find only peer 2");
            // Peer 0 is the index server; its details carry the server's load.
            assertEquals("2", net.info(PeerId.of(0)).details().get("indexedFiles"),
                    "the server's index still holds the crashed peer's file (removePeer)");
        }
    }

    private static java.util.Set<Integer> Set(Integer... ids) {
        return new TreeSet<>(List.of(ids));
    }

    private static java.util.Set<Integer> holders(SearchResult r) {
        return r.hits().stream().map(h -> h.holder().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static BytesContent content(String name) {
        return new BytesContent(name, name.getBytes(StandardCharsets.UTF_8));
    }
}
