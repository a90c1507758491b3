package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.GetRequest;
import p2plab.gnutella.message.GetResponse;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.QueryHit;

/** What a servent answers: QueryHits from its files, and ranges of a file to a downloader. */
class AnswersAndUploadsTest {
    private final Address here = new Address("127.0.0.9", 6346);
    private final Guid id = Guid.random(new SplittableRandom(1));
    private final SharedFiles files = new SharedFiles();

    @Test
    void manyMatchesAreSplitIntoQueryHitsOfAtMost255Results() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            indexes.add(files.add(new BytesContent("love song " + i + ".mp3", new byte[] {(byte) i, (byte) (i >> 8)})));
        }
        List<QueryHit> hits = Answers.hits(files, files.matching("love song"), here, id);
        assertEquals(3, hits.size());
        assertEquals(600, hits.stream().mapToInt(h -> h.results().size()).sum());
        assertTrue(hits.stream().allMatch(h -> h.results().size() <= 255 && h.size() < 64 * 1024));
    }

    @Test
    void foundFilesCarryTheHashAndSkipResultsWithout() {
        BytesContent song = new BytesContent("blue moon.ogg", new byte[] {1, 2, 3});
        files.add(song);
        QueryHit hit = Answers.hits(files, List.of(0), here, id).get(0);
        List<FoundFile> found = Answers.found(hit, 3);
        assertEquals(List.of(new FoundFile(here, 0, "blue moon.ogg", 3, song.id(), 3)), found);

        QueryHit noHash = new QueryHit(here, 1, List.of(new QueryHit.Result(0, 3, "x", ""),
                new QueryHit.Result(1, 3, "y", "urn:sha256:nothex")), id);
        assertTrue(Answers.found(noHash, 1).isEmpty());
    }

    @Test
    void uploaderServesRangesAndRefusesWhatItCannot() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        files.add(new BytesContent("data.bin", data));

        GetResponse mid = Uploader.answer(files, new GetRequest(0, "data.bin", 100, 199));
        assertEquals(206, mid.status());
        assertEquals(100, mid.first());
        assertEquals(1000, mid.total());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 100, 200), mid.body());

        GetResponse tail = Uploader.answer(files, new GetRequest(0, "data.bin", 900, 5000));
        assertEquals(100, tail.body().length, "a range past the end is cut at the end");

        assertEquals(404, Uploader.answer(files, new GetRequest(1, "data.bin", 0, 1)).status());
        assertEquals(404, Uploader.answer(files, new GetRequest(0, "other.bin", 0, 1)).status());
        assertEquals(416, Uploader.answer(files, new GetRequest(0, "data.bin", 1000, 1001)).status());
    }
}
