package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BytesContentTest {

    @Test
    void theIdIsTheSha256OfTheBytesAndTheBytesAreCopied() {
        byte[] data = {1, 2, 3};
        BytesContent c = new BytesContent("x", data);
        data[0] = 9;
        assertEquals(ContentId.of(Digests.sha256(new byte[] {1, 2, 3})), c.id());
        assertArrayEquals(new byte[] {1, 2, 3}, c.read(0, 3));
    }

    @Test
    void verifiedBytesKeepTheIdTheyWereCheckedAgainst() {
        ContentId claimed = ContentId.of(Digests.sha256(new byte[] {7}));
        BytesContent c = BytesContent.verified("y", claimed, new byte[] {7});
        assertEquals(claimed, c.id());
        assertEquals(1, c.size());
        assertThrows(NullPointerException.class, () -> BytesContent.verified("y", null, new byte[0]));
        assertThrows(IndexOutOfBoundsException.class, () -> c.read(0, 2));
    }
}
