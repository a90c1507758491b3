package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.content.GeneratedContent;

class SharedFilesTest {

    @Test
    void aFileMatchesWhenItsNameHoldsEveryWordOfTheQuery() {
        SharedFiles files = new SharedFiles();
        files.add(new GeneratedContent("Velvet Harbor - Quiet Morning.mp3", 1000, 1));
        files.add(new BytesContent("quiet storm.ogg", new byte[] {1}));
        files.add(new GeneratedContent("Morning Quietly.mp3", 1000, 2));

        assertEquals(List.of(0, 1), files.matching("quiet"));
        assertEquals(List.of(0), files.matching("MORNING quiet"));
        assertEquals(List.of(0), files.matching("quiet quiet morning"));
        assertEquals(List.of(0, 2), files.matching("morning"));
        assertEquals(List.of(), files.matching("quie"));
        assertEquals(List.of(), files.matching("quiet harbour"));
        assertEquals(List.of(), files.matching(" - "));
        assertEquals(List.of(), files.matching("mp3 ogg"));
    }

    @Test
    void sharingAFileTwiceKeepsItsIndex() {
        SharedFiles files = new SharedFiles();
        GeneratedContent c = new GeneratedContent("a b.mp3", 10, 3);
        assertEquals(0, files.add(c));
        assertEquals(0, files.add(new GeneratedContent("a b.mp3", 10, 3)));
        assertEquals(1, files.size());
    }
}
