package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertEquals(List.of("led", "zeppelin", "stairway", "mp3"), Keywords.of("Led_Zeppelin - Stairway.mp3"));
        assertEquals(List.of("velvet", "harbor", "2"), Keywords.of("  velvet harbor 2 "));
        assertEquals(List.of("über", "ÉTÉ".toLowerCase(java.util.Locale.ROOT), "σοφία"), Keywords.of("Über--Été/ΣΟΦΊΑ"));
        assertEquals(List.of(), Keywords.of(" - . "));
        assertEquals(List.of(), Keywords.of(""));
        assertEquals(List.of("x"), Keywords.of("X"));
    }

    @Test
    void aNameHoldsTheMaskOfEveryQueryItMatches() {
        List<String> name = Keywords.of("Velvet Harbor - Quiet Morning Lanterns.mp3");
        long m = Keywords.mask(name);
        assertTrue(Long.bitCount(m) >= 2 && Long.bitCount(m) <= name.size(), Long.toBinaryString(m));
        for (String q : new String[] {"velvet", "quiet lanterns", "mp3 harbor morning", "VELVET"}) {
            long wanted = Keywords.mask(Keywords.of(q));
            assertEquals(wanted, m & wanted, q);
        }
        assertEquals(0, Keywords.mask(List.of()));
        assertEquals(Keywords.mask(List.of("a", "b")), Keywords.mask(List.of("b", "a", "b")));
    }
}
