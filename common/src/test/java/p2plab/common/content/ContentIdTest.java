package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContentIdTest {
    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void sixtyFourLowerCaseHexDigitsAreAnId() {
        assertEquals(HEX, new ContentId(HEX).hex());
        assertEquals(new ContentId(HEX), ContentId.of(new ContentId(HEX).bytes()));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {HEX.toUpperCase(), HEX.substring(1), HEX + "0", HEX.substring(1) + "g",
                HEX.substring(1) + "/", HEX.substring(1) + ":", HEX.substring(1) + "`", ""}) {
            assertThrows(IllegalArgumentException.class, () -> new ContentId(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new ContentId(null));
    }
}
