package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the client's reading of an announce reply (docs/fuzzing.md): a
 * tracker's body is a reply, a refusal ({@code tracker refused: ...}) or a rejection with a
 * reason, never another exception.
 */
class AnnounceReplyFuzzTest {

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    @DictionaryEntries({"d8:intervali", "8:completei", "10:incompletei", "5:peers", "5:peersl", "d2:ip", "4:porti",
            "7:peer id", "14:failure reason", "e", "6:", "i65536e", "i-1e"})
    void parse(byte[] body) {
        AnnounceResponse r;
        try {
            r = TrackerClient.parseAnnounce(body);
        } catch (IllegalArgumentException | IllegalStateException e) { // bencode, peer list, or the tracker's refusal
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection must say why");
            return;
        }
        assertNotNull(r.peers());
    }
}
