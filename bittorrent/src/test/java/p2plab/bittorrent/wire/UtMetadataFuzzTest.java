package p2plab.bittorrent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the {@code ut_metadata} codec (docs/fuzzing.md): a peer's extension
 * payload is a message or a rejection with a reason, never another exception; a data piece is never
 * over 16 KiB.
 */
class UtMetadataFuzzTest {

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    @DictionaryEntries({"d8:msg_typei", "5:piecei", "10:total_sizei", "e", "ee", "i0e", "i1e", "i2e", "i-1e"})
    void decode(byte[] payload) {
        UtMetadata m;
        try {
            m = UtMetadata.decode(payload);
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection must say why");
            return;
        }
        if (m instanceof UtMetadata.Data d) {
            assertTrue(d.data().length <= UtMetadata.PIECE);
            assertTrue(d.piece() >= 0 && d.totalSize() >= 0);
        } else if (m instanceof UtMetadata.Request r) {
            assertTrue(r.piece() >= 0);
            assertArrayEquals(payload, UtMetadata.encode(m), "an accepted request re-encodes to itself");
        }
    }

    /** decode(encode(x)) == x for every message type. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        int piece = in.consumeInt() & Integer.MAX_VALUE;
        UtMetadata m = switch (in.consumeInt(0, 3)) {
            case 0 -> new UtMetadata.Request(piece);
            case 1 -> new UtMetadata.Data(piece, in.consumeLong() & Long.MAX_VALUE, in.consumeBytes(in.consumeInt(0, UtMetadata.PIECE)));
            case 2 -> new UtMetadata.Reject(piece);
            default -> new UtMetadata.Unknown(3 + (in.consumeLong() & (Long.MAX_VALUE >> 1)));
        };
        assertEquals(m, UtMetadata.decode(UtMetadata.encode(m)));
    }
}
