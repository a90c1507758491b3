package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;

class FoundSourcesTest {
    private static final ContentId SONG = id(100_000);

    private static ContentId id(int n) {
        byte[] sha256 = new byte[32];
        sha256[0] = (byte) (n >> 16);
        sha256[1] = (byte) (n >> 8);
        sha256[2] = (byte) n;
        return ContentId.of(sha256);
    }

    private static FoundFile hit(int port, int hops) {
        return new FoundFile(new Address("127.0.0.1", port), 0, "song.ogg", 3, SONG, hops);
    }

    @Test
    void holdersComeBackInTheOrderFoundAndAHolderFoundAgainKeepsItsPlace() {
        FoundSources found = new FoundSources();
        found.add(hit(1, 2));
        found.add(hit(2, 4));
        found.add(hit(1, 3));

        assertEquals(List.of(hit(1, 3), hit(2, 4)), found.holdersOf(SONG));
        assertEquals(List.of(), found.holdersOf(id(1)));
    }

    @Test
    void itKeepsAFewHoldersPerFileAndTheFilesFoundLast() {
        FoundSources found = new FoundSources();
        for (int port = 1; port <= FoundSources.MAX_HOLDERS_PER_FILE + 5; port++) {
            found.add(hit(port, 1));
        }
        assertEquals(FoundSources.MAX_HOLDERS_PER_FILE, found.holdersOf(SONG).size());

        for (int i = 0; i < FoundSources.MAX_FILES + 10; i++) {
            found.add(new FoundFile(new Address("127.0.0.1", 1), 0, "f" + i, 1, id(i), 1));
        }
        assertEquals(FoundSources.MAX_FILES, found.files());
        assertEquals(List.of(), found.holdersOf(SONG), "the file found longest ago is forgotten first");
    }
}
