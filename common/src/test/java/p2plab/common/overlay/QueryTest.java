package p2plab.common.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Keywords;

class QueryTest {

    @Test
    void keywordsAreLowerCaseWordsOfLettersAndDigits() {
        assertEquals(List.of("led", "zeppelin", "stairway", "mp3"), Keywords.of("Led_Zeppelin - Stairway.mp3"));
    }

    @Test
    void everyKeywordMustBeAWordOfTheName() {
        Query q = Query.of("zeppelin STAIRWAY");
        assertTrue(q.matches("Led Zeppelin - Stairway to Heaven.mp3"));
        assertFalse(q.matches("Led Zeppelin - Kashmir.mp3"));
        assertFalse(Query.of("zep").matches("Led Zeppelin.mp3"), "words match whole, not as prefixes");
    }

    @Test
    void emptyOrPunctuationOnlyQueriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Query.of("  -- "));
        assertThrows(IllegalArgumentException.class, () -> new Query("x", -1));
    }

    @Test
    void peerIdsParseWithOrWithoutThePrefix() {
        assertEquals(PeerId.of(7), PeerId.parse("7"));
        assertEquals(PeerId.of(7), PeerId.parse("p7"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerId.parse("seven"));
        assertTrue(e.getMessage().contains("peer list"));
    }

    @Test
    void registryHandsOutIdsAndExplainsDeadPeers() {
        PeerRegistry<boolean[]> r = new PeerRegistry<>(p -> p[0]);
        PeerId a = r.add(new boolean[] {true});
        PeerId b = r.add(new boolean[] {false});
        assertEquals(List.of(a, b), r.ids());
        assertEquals(List.of(a), r.aliveIds());
        OverlayException dead = assertThrows(OverlayException.class, () -> r.alive(b));
        assertTrue(dead.getMessage().contains("peer revive 1"), dead.getMessage());
        assertThrows(OverlayException.class, () -> r.get(PeerId.of(5)));
    }
}
