package p2plab.napster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.content.GeneratedContent;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;

/**
 * A scripted session whose every message can be counted by hand: 3 peers, 5 shares,
 * 2 searches, 1 download, all within one heartbeat period (so no Ping is sent).
 *
 * <pre>
 *   3 logins                      Login x3, LoginAck x3                          6
 *   5 shares                      Share x5                                       5
 *   search "amber" from p3        Search, SearchResult x3 (p1:A, p2:C, p2:A),
 *                                 SearchEnd                                      5
 *   search "night blue" from p1   Search, SearchResult x1 (p1:B), SearchEnd      3
 *   p3 downloads A (100,000 B),   DownloadRequest, DownloadAck                   2
 *   holder known from search 1    Get, GetAck                                    2
 *                                 Chunk x4 (3 x 32,768 + 1,696), ChunkAck x4     8
 *                                                                       total   31
 * </pre>
 */
class ScriptedSessionMessageCountsTest {

    @Test
    void scriptedSessionMessageCountsMatchHandComputedFigures() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(11)) {
            NapsterNetwork net = (NapsterNetwork) new NapsterOverlay().create(NetworkSpec.of("script", 3, 1), sim);
            GeneratedContent a = new GeneratedContent("Amber River.mp3", 100_000, 1);
            GeneratedContent b = new GeneratedContent("Blue Night.mp3", 2_000, 2);
            GeneratedContent c = new GeneratedContent("Amber Storm.ogg", 3_000, 3);
            GeneratedContent d = new GeneratedContent("Echo.flac", 4_000, 4);
            net.share(PeerId.of(1), a);
            net.share(PeerId.of(1), b);
            net.share(PeerId.of(2), c);
            net.share(PeerId.of(2), a);
            net.share(PeerId.of(3), d);
            sim.advance(Duration.ofMillis(500));
            assertEquals(5, net.serverLoad().indexedFiles());

            SearchResult s1 = sim.await(net.search(PeerId.of(3), Query.of("amber")), Duration.ofSeconds(5));
            SearchResult s2 = sim.await(net.search(PeerId.of(1), Query.of("night blue")), Duration.ofSeconds(5));
            TransferResult t = sim.await(net.download(PeerId.of(3), a.id()), Duration.ofSeconds(5));
            sim.advance(Duration.ofMillis(100)); // the last ChunkAck lands
            assertTrue(t.verified());
            assertTrue(sim.clock().nanos() < Duration.ofSeconds(10).toNanos(), "the session fits in one heartbeat period");

            assertEquals(5, s1.messages());
            assertEquals(3, s1.hits().size());
            assertEquals(3, s2.messages());

            MetricsSnapshot m = net.metrics();
            Map<String, Long> sent = new TreeMap<>();
            m.byType().forEach((type, counts) -> sent.put(type, counts.messagesSent()));
            Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                    Map.entry("napster/Login", 3L), Map.entry("napster/LoginAck", 3L),
                    Map.entry("napster/Share", 5L),
                    Map.entry("napster/Search", 2L), Map.entry("napster/SearchResult", 4L), Map.entry("napster/SearchEnd", 2L),
                    Map.entry("napster/DownloadRequest", 1L), Map.entry("napster/DownloadAck", 1L),
                    Map.entry("napster/Get", 1L), Map.entry("napster/GetAck", 1L),
                    Map.entry("napster/Chunk", 4L), Map.entry("napster/ChunkAck", 4L)));
            assertEquals(expected, sent);
            assertEquals(31, m.total().messagesSent());
            assertEquals(31, m.total().messagesReceived());
            Counts server = m.byPeer().get("p0");
            assertEquals(3 + 5 + 2 + 1, server.messagesReceived(), "logins, shares, searches, download request");
            net.close();
        }
    }
}
