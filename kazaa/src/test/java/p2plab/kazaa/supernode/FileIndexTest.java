package p2plab.kazaa.supernode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;
import p2plab.common.content.Keywords;
import p2plab.common.content.Digests;
import p2plab.common.transport.Address;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

class FileIndexTest {
    private static final PeerRef ALICE = new PeerRef(1, new Address("127.0.0.1", 6001));
    private static final PeerRef BOB = new PeerRef(2, new Address("127.0.0.2", 6002));

    private static SharedFile file(String name) {
        return new SharedFile(name, name.length(), ContentId.of(Digests.sha256(name.getBytes())));
    }

    @Test
    void aFileMatchesWhenEveryKeywordIsAWordOfItsName() {
        FileIndex index = new FileIndex();
        index.replace(ALICE, List.of(file("Blue Moon - Live.mp3"), file("Blue Sky.ogg")));
        index.replace(BOB, List.of(file("moonlight blue.mp3")));
        assertEquals(List.of("Blue Moon - Live.mp3"), names(index.search(List.of("blue", "moon"), -1)));
        assertEquals(3, index.search(List.of("blue"), -1).size());
        assertTrue(index.search(List.of("blu"), -1).isEmpty(), "whole words only");
        assertEquals(List.of("moonlight blue.mp3"), names(index.search(List.of("blue"), ALICE.id())), "the asker's own files are left out");
    }

    @Test
    void replacingOrRemovingAHoldersListForgetsItsOldFiles() {
        FileIndex index = new FileIndex();
        index.replace(ALICE, List.of(file("old song.mp3"), file("other.mp3")));
        index.replace(ALICE, List.of(file("new song.mp3")));
        assertEquals(List.of("new song.mp3"), names(index.search(List.of("song"), -1)));
        assertEquals(1, index.files());
        index.remove(ALICE.id());
        assertTrue(index.search(List.of("song"), -1).isEmpty());
        assertFalse(index.holds(ALICE.id()));
        assertEquals(0, index.files());
    }

    @Test
    void aWordOfANameIsWhatKeywordsMakesOfIt() {
        List<String> names = List.of("Led_Zeppelin - Stairway.mp3", "AC/DC Back In Black (Live 1991).FLAC", "ÉTÉ à Paris",
                "x", "--a--b--", "Amber Amber - River.ogg", "Straße 7b.mp3", "");
        List<String> words = List.of("led", "zeppelin", "stairway", "mp3", "ac", "dc", "back", "1991", "flac", "été", "à",
                "paris", "x", "a", "b", "amber", "river", "straße", "7b", "stair", "zep", "live1991", "e");
        FileIndex index = new FileIndex();
        for (String name : names) {
            List<String> expected = Keywords.of(name);
            for (String word : words) {
                assertEquals(expected.contains(word), FileIndex.hasWord(name, word), "\"" + word + "\" in \"" + name + "\"");
            }
            if (!name.isEmpty()) {
                index.replace(new PeerRef(names.indexOf(name) + 10, ALICE.address()), List.of(file(name)));
            }
        }
        for (String word : words) { // the signatures let through every name that holds the word
            List<String> holding = names.stream().filter(n -> Keywords.of(n).contains(word)).toList();
            assertEquals(holding, names(index.search(List.of(word), -1)), word);
        }
        assertEquals(List.of("Amber Amber - River.ogg"), names(index.search(List.of("river", "amber", "ogg"), -1)));
    }

    @Test
    void answersComeInTheOrderTheFilesWereIndexedAndAHoldersNewListGoesLast() {
        FileIndex index = new FileIndex();
        index.replace(ALICE, List.of(file("blue one.mp3"), file("red one.mp3")));
        index.replace(BOB, List.of(file("blue two.mp3")));
        index.replace(ALICE, List.of(file("blue three.mp3"), file("blue one.mp3")));
        assertEquals(List.of("blue two.mp3", "blue three.mp3", "blue one.mp3"), names(index.search(List.of("blue"), -1)));
        assertEquals(3, index.files());
        assertTrue(index.holds(BOB.id()));
    }

    private static List<String> names(List<FoundFile> found) {
        return found.stream().map(f -> f.file().name()).toList();
    }
}
