package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.bittorrent.http.Urls;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

class TrackerTest {
    static final byte[] HASH = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    SimTransport sim;
    TrackerServer tracker;
    String url;

    @BeforeEach
    void start() {
        sim = SimTransport.withSeed(3);
        tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(60));
        url = tracker.announceUrl();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static byte[] id(int i) {
        return String.format("-XX0000-%012d", i).getBytes(StandardCharsets.US_ASCII);
    }

    AnnounceResponse announce(TrackerClient c, int i, long left, String event, int numwant) throws Exception {
        return sim.await(c.announce(url, HASH, id(i), 7000 + i, 0, 0, left, event, numwant), Duration.ofSeconds(5));
    }

    @Test
    void announcesReturnOtherPeersInRandomSubsetsOfAtMostNumwant() throws Exception {
        TrackerClient[] clients = new TrackerClient[60];
        for (int i = 0; i < 60; i++) {
            clients[i] = TrackerClient.open(sim, "c" + i, 0);
            announce(clients[i], i, 100, "started", 50);
        }
        AnnounceResponse r = announce(clients[0], 0, 100, "", 50);
        assertEquals(50, r.peers().size());
        assertEquals(60, r.incomplete());
        assertEquals(60, r.intervalSeconds());
        assertFalse(r.peers().contains(new Address(clients[0].node().address().host(), 7000)), "never yourself");
        Set<Address> union = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            union.addAll(announce(clients[0], 0, 100, "", 10).peers());
        }
        assertTrue(union.size() > 15, "subsets should vary, saw " + union.size());
        assertEquals(10, announce(clients[0], 0, 100, "", 10).peers().size());
    }

    @Test
    void stoppedAndSilentPeersDisappear() throws Exception {
        TrackerClient a = TrackerClient.open(sim, "a", 0);
        TrackerClient b = TrackerClient.open(sim, "b", 0);
        announce(a, 1, 100, "started", 50);
        announce(b, 2, 100, "started", 50);
        assertEquals(2, tracker.peerCount(HASH));
        announce(b, 2, 100, "stopped", 50);
        assertEquals(1, tracker.peerCount(HASH));
        sim.advance(Duration.ofSeconds(121));
        assertEquals(0, tracker.peerCount(HASH), "expired after two intervals without announcing");
    }

    @Test
    void completedEventAndScrapeCounts() throws Exception {
        TrackerClient a = TrackerClient.open(sim, "a", 0);
        announce(a, 1, 100, "started", 50);
        announce(a, 1, 0, "completed", 50);
        TrackerClient b = TrackerClient.open(sim, "b", 0);
        AnnounceResponse r = announce(b, 2, 100, "started", 50);
        assertEquals(1, r.complete());
        assertEquals(1, r.incomplete());
        Map<String, Object> files = Bencode.dict(Bencode.dict(Bencode.decode(raw("/scrape?info_hash=" + Urls.encode(HASH))),
                "scrape").get("files"), "files");
        Map<String, Object> stats = Bencode.dict(files.get(new String(HASH, StandardCharsets.ISO_8859_1)), "stats");
        assertEquals(1L, stats.get("complete"));
        assertEquals(1L, stats.get("downloaded"));
        assertEquals(1L, stats.get("incomplete"));
    }

    @Test
    void nonCompactRepliesListDictionaries() throws Exception {
        TrackerClient a = TrackerClient.open(sim, "a", 0);
        announce(a, 1, 100, "started", 50);
        String q = "/announce?info_hash=" + Urls.encode(HASH) + "&peer_id=" + Urls.encode(id(2)) + "&port=7002&uploaded=0"
                + "&downloaded=0&left=5&compact=0";
        Map<String, Object> reply = Bencode.dict(Bencode.decode(raw(q)), "reply");
        List<Object> peers = Bencode.list(reply.get("peers"), "peers");
        assertEquals(1, peers.size());
        assertEquals(7001L, Bencode.dict(peers.get(0), "peer").get("port"));
        assertEquals(new AnnounceResponse(60, 0, 2, List.of(new Address(a.node().address().host(), 7001))),
                TrackerClient.parseAnnounce(raw(q)));
    }

    @Test
    void badAnnouncesGetAFailureReason() {
        TrackerClient a = TrackerClient.open(sim, "a", 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sim.await(a.announce(url, new byte[5], id(1), 7001, 0, 0, 0, "", 50), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("20 bytes"), e.getMessage());
    }

    @Test
    void searchFindsPublishedTorrentsByKeywords() throws Exception {
        tracker.publish(Torrents.of(new BytesContent("Ubuntu Desktop.iso", new byte[100]), url, 16384));
        tracker.publish(Torrents.of(new BytesContent("debian netinst.iso", new byte[100]), url, 16384));
        TrackerClient a = TrackerClient.open(sim, "a", 0);
        List<TrackerClient.Found> found = sim.await(a.search(url, "ubuntu iso"), Duration.ofSeconds(5));
        assertEquals(1, found.size());
        assertEquals("Ubuntu Desktop.iso", found.get(0).name());
    }

    /** A raw GET through a bare HTTP client node, returning the body. */
    private byte[] raw(String target) throws Exception {
        java.util.concurrent.CompletableFuture<byte[]> body = new java.util.concurrent.CompletableFuture<>();
        var node = sim.open(NodeConfig.named("raw" + System.nanoTime()), HttpFormat.client(), new PeerHandler<HttpMessage>() {
            @Override
            public void onMessage(Link<HttpMessage> link, HttpMessage m) {
                body.complete(m.body());
            }
        });
        node.connect(tracker.node().address()).thenAccept(l -> l.send(HttpMessage.Request.get(target, "t")));
        return sim.await(body, Duration.ofSeconds(5));
    }
}
