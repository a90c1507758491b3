package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
