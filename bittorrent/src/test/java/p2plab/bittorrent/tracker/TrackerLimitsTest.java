package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.sim.SimTransport;

/**
 * Remote peers choose the keys a tracker stores, so it keeps a bounded number of them and forgets
 * what stops announcing.
 */
class TrackerLimitsTest {
    private static final long INTERVAL = Duration.ofSeconds(60).toNanos();
    private static final Address PEER = new Address("127.0.0.1", 7000);
    private SimTransport sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static byte[] hash(int i) {
        return ByteBuffer.allocate(20).putInt(i).putInt(~i).array();
    }

    private static byte[] peerId(int i) {
        return String.format("-XX0000-%012d", i).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aHundredThousandDistinctInfoHashesLeaveAtMostTheTorrentCap() {
        TrackedTorrents t = new TrackedTorrents(2 * INTERVAL, TrackerServer.MAX_TORRENTS, TrackerServer.MAX_PEERS_PER_TORRENT,
                TrackerServer.MAX_PEERS);
        int refused = 0;
        for (int i = 0; i < 100_000; i++) {
            try {
                t.announce(hash(i), peerId(i), PEER, 100, "started", i * 1000L);
            } catch (IllegalArgumentException full) {
                refused++;
                assertTrue(full.getMessage().contains("full"), full.getMessage());
            }
        }
        assertEquals(TrackerServer.MAX_TORRENTS, t.torrentCount(), "torrents held");
        assertEquals(100_000 - TrackerServer.MAX_TORRENTS, refused);
        assertEquals(TrackerServer.MAX_TORRENTS, t.peerCount());
    }

    @Test
    void peersThatStopAnnouncingAreForgottenWithTheirTorrents() {
        TrackedTorrents t = new TrackedTorrents(2 * INTERVAL, 100, 100, 1000);
        for (int i = 0; i < 50; i++) {
            t.announce(hash(i), peerId(i), PEER, 100, "started", 0);
        }
        t.announce(hash(0), peerId(1000), PEER, 100, "", INTERVAL); // one peer keeps announcing
        t.sweep(2 * INTERVAL + 1);
        assertEquals(1, t.torrentCount(), "only the torrent with a live peer is left");
        assertEquals(1, t.peerCount());
        // room again for new torrents
        for (int i = 100; i < 199; i++) {
            t.announce(hash(i), peerId(i), PEER, 100, "started", 2 * INTERVAL + 2);
        }
        assertEquals(100, t.torrentCount());
        assertThrows(IllegalArgumentException.class, () -> t.announce(hash(500), peerId(500), PEER, 1, "", 2 * INTERVAL + 3));
    }

    @Test
    void peersPerTorrentAndInAllAreCapped() {
        TrackedTorrents t = new TrackedTorrents(2 * INTERVAL, 100, 10, 15);
        for (int i = 0; i < 10; i++) {
            t.announce(hash(1), peerId(i), PEER, 100, "started", 0);
        }
        assertThrows(IllegalArgumentException.class, () -> t.announce(hash(1), peerId(99), PEER, 100, "started", 0));
        t.announce(hash(1), peerId(3), PEER, 0, "completed", 1); // a known peer may still announce
        for (int i = 0; i < 5; i++) {
            t.announce(hash(2), peerId(i), PEER, 100, "started", 0);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.announce(hash(3), peerId(7), PEER, 100, "started", 0));
        assertTrue(e.getMessage().contains("15 in all"), e.getMessage());
        assertEquals(2, t.torrentCount(), "a torrent refused its first peer is not kept");
        t.announce(hash(2), peerId(0), PEER, 100, "stopped", 2);
        assertEquals(14, t.peerCount());
    }

    @Test
    void overHttpAnnouncesBeyondTheCapGetAFailureReasonAndSilentTorrentsGo() throws Exception {
        sim = SimTransport.withSeed(8);
        TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, new TrackerServer(Duration.ofSeconds(60), 100, 10, 1000));
        TrackerClient c = TrackerClient.open(sim, "c", 0);
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            CompletableFuture<AnnounceResponse> f = c.announce(tracker.announceUrl(), hash(i), peerId(i), 7000, 0, 0, 100, "started", 0);
            try {
                sim.await(f, Duration.ofSeconds(5));
            } catch (IllegalStateException full) {
                refused++;
                assertTrue(full.getMessage().contains("tracker refused: this tracker is full (100 torrents)"), full.getMessage());
            }
        }
        assertEquals(100, tracker.torrentCount());
        assertEquals(200, refused);
        sim.advance(Duration.ofSeconds(121));
        assertEquals(0, tracker.torrentCount(), "all forgotten two intervals after their last announce");
        assertEquals(0, tracker.totalPeers());
    }
}
