package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** `-o key=value` of a streaming network: values the wire cannot carry are refused when the network is made. */
class StreamingOptionsTest {

    @Test
    void aSearchDepthBeyondOneByteIsRefused() {
        assertEquals(255, StreamingOptions.parse(Map.of("depth", "255")).client().searchDepth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamingOptions.parse(Map.of("depth", "256")));
        assertEquals("depth must be 0..255 (a search's TTL is one byte on the wire), got 256", e.getMessage());
    }
}
