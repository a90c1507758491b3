package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.common.transport.Address;
import p2plab.common.transport.DecoderFuzzing;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.sim.SimTransport;

/**
 * Coverage-guided fuzzing of the tracker's request handling (docs/fuzzing.md): any bytes a client
 * sends, through {@link HttpFormat#server()} and {@link TrackerServer}, end in a rejected
 * connection, a 404, or a 200 whose body is a bencoded dictionary (the announce or scrape reply,
 * or a {@code failure reason}). Each input meets a fresh tracker, so a finding replays alone.
 */
class TrackerRequestFuzzTest {

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    // entries are libFuzzer dictionary lines: control bytes as \xNN
    @DictionaryEntries({"GET /announce?", "GET /scrape?", "GET /search?q=", " HTTP/1.1\\x0D\\x0A\\x0D\\x0A", "info_hash=", "&peer_id=",
            "&port=", "&left=", "&uploaded=", "&downloaded=", "&event=stopped", "&event=completed", "&compact=0",
            "&numwant=", "%", "01234567890123456789"})
    void request(byte[] stream) {
        DecoderFuzzing.Outcome<HttpMessage> decoded = DecoderFuzzing.decodeChecked(HttpFormat.server(), stream);
        try (SimTransport sim = SimTransport.withSeed(1)) {
            TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(60));
            for (HttpMessage m : decoded.messages()) {
                RecordingLink link = new RecordingLink(tracker.node());
                tracker.onMessage(link, m);
                assertEquals(1, link.sent.size(), "one answer per request");
                assertFalse(link.open, "the tracker closes after answering");
                HttpMessage.Response r = (HttpMessage.Response) link.sent.get(0);
                if (r.status() == 200) {
                    Map<String, Object> reply = Bencode.dict(Bencode.decode(r.body()), "reply");
                    assertFalse(reply.isEmpty(), "a reply says something");
                } else {
                    assertEquals(404, r.status());
                }
                assertTrue(HttpFormat.client().encode(r).length > 0);
            }
        }
    }

    /** The tracker's end of one client connection, keeping what the tracker sends. */
    private static final class RecordingLink implements Link<HttpMessage> {
        private final Node<HttpMessage> local;
        private final List<HttpMessage> sent = new ArrayList<>();
        private boolean open = true;
        private Object attachment;

        RecordingLink(Node<HttpMessage> local) {
            this.local = local;
        }

        @Override
        public Node<HttpMessage> local() {
            return local;
        }

        @Override
        public Address remote() {
            return new Address("127.0.0.9", 50_000);
        }

        @Override
        public boolean outbound() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void send(HttpMessage message) {
            if (open) {
                sent.add(message);
            }
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public void attach(Object attachment) {
            this.attachment = attachment;
        }
    }
}
