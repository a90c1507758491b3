package p2plab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Json;

/** A TCP network on 127.0.0.1 answers while the shell runs; after `quit` none of its ports does. */
class QuitClosesEveryPortTest {

    @Test
    void afterQuitNoPeerPortAcceptsConnections() throws Exception {
        Run r = Run.script("network create tiny --peers 4 --transport tcp; search 0 anything; peer list --json; quit");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("TCP on 127.0.0.1"), r.out());
        assertTrue(r.out().contains("messages: "), r.out());
        JsonNode peers = Json.mapper().readTree(r.out().substring(r.out().indexOf('[')));
        List<Integer> ports = new ArrayList<>();
        for (JsonNode p : peers) {
            assertEquals("127.0.0.1", p.get("address").get("host").asText());
            ports.add(p.get("address").get("port").asInt());
        }
        assertEquals(4, ports.size());
        for (int port : ports) {
            assertFalse(port == 0);
            assertThrows(IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            }, "port " + port + " still accepts connections after quit");
        }
    }
}
