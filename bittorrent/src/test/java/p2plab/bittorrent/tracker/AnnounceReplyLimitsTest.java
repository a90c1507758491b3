package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.bencode.Bencode;
import p2plab.common.transport.Address;

/**
 * What a tracker's announce reply can make a client hold: the peers it lists are addresses we
 * build one by one, and its failure reason is shown on a status line.
 */
class AnnounceReplyLimitsTest {

    @Test
    void aCompactReplyOfTenThousandPeersYieldsTheFirstThousand() {
        byte[] compact = new byte[10_000 * 6];
        for (int i = 0; i < 10_000; i++) {
            compact[i * 6] = 127;
            compact[i * 6 + 2] = (byte) (i >> 8);
            compact[i * 6 + 3] = (byte) i;
            compact[i * 6 + 4] = 0x1a;
            compact[i * 6 + 5] = (byte) 0xe1;
        }
        AnnounceResponse r = TrackerClient.parseAnnounce(Bencode.encode(Map.of("interval", 60L, "peers", compact)));
        assertEquals(TrackerClient.MAX_PEERS_PER_REPLY, r.peers().size());
        assertEquals(new Address("127.0.0.0", 6881), r.peers().get(0));
        assertEquals(new Address("127.0.3.231", 6881), r.peers().get(999));
    }

    @Test
    void aReplyListingThreeThousandPeerDictionariesYieldsTheFirstThousand() {
        List<Object> peers = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            peers.add(Map.of("ip", "127.0.0.1".getBytes(), "port", (long) (1000 + i)));
        }
        AnnounceResponse r = TrackerClient.parseAnnounce(Bencode.encode(Map.of("interval", 60L, "peers", peers)));
        assertEquals(TrackerClient.MAX_PEERS_PER_REPLY, r.peers().size());
        assertEquals(new Address("127.0.0.1", 1999), r.peers().get(999));
    }

    @Test
    void aReplyOverTheSizeLimitIsRefusedBeforeItIsDecoded() {
        // 4 MiB of empty dictionaries: the HTTP layer takes it, and decoded it would be 2 million maps.
        byte[] body = new byte[4 * 1024 * 1024];
        body[0] = 'l';
        for (int i = 1; i + 2 < body.length; i += 2) {
            body[i] = 'd';
            body[i + 1] = 'e';
        }
        body[body.length - 1] = 'e';
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackerClient.parseAnnounce(body));
        assertEquals("announce reply of 4194304 bytes exceeds the limit of 262144; is this a BitTorrent tracker?", e.getMessage());
    }

    @Test
    void aLongFailureReasonIsCutForTheStatusLine() {
        byte[] body = Bencode.encode(Map.of("failure reason", "x".repeat(100_000).getBytes()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrackerClient.parseAnnounce(body));
        assertEquals("tracker refused: " + "x".repeat(TrackerClient.MAX_REASON) + "...", e.getMessage());
        assertTrue(e.getMessage().length() < 400);
    }
}
