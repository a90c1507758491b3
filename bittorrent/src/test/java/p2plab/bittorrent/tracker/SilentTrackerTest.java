package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A "tracker" that takes the connection and the request and never answers: the announce fails
 * after {@link TrackerClient#REPLY_TIMEOUT} with a line that says so, and the connection is
 * closed, instead of waiting for ever (which held the announce loop with it).
 */
class SilentTrackerTest {

    @Test
    void anAnnounceToATrackerThatNeverAnswersFailsAfterTheTimeout() {
        try (SimTransport sim = SimTransport.withSeed(3)) {
            Node<HttpMessage> silent = sim.open(NodeConfig.named("silent").withPort(6969), HttpFormat.server(), (link, m) -> { });
            TrackerClient client = TrackerClient.open(sim, "client", 0);
            CompletableFuture<AnnounceResponse> f = client.announce("http://" + silent.address() + "/announce",
                    new byte[20], new byte[20], 6881, 0, 0, 100, "started", 50);
            sim.advance(TrackerClient.REPLY_TIMEOUT.minusSeconds(1));
            assertFalse(f.isDone(), "not before the timeout");
            sim.advance(Duration.ofSeconds(2));
            assertTrue(f.isCompletedExceptionally());
            CompletionException e = assertThrows(CompletionException.class, f::join);
            assertEquals("tracker " + silent.address() + " did not answer within 30 s; is it a BitTorrent tracker?", e.getCause().getMessage());
        }
    }
}
