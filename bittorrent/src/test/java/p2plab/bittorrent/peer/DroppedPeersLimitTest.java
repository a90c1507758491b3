package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * While a magnet's metadata is fetched, peers that lie are dropped and refused again; a peer
 * that lies under a new peer id each time must not make that list grow without end.
 */
class DroppedPeersLimitTest {
    private static final byte[] INFO_HASH = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theDroppedListKeepsTheLatestThousand() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(2)) {
            PeerEngine engine = new PeerEngine("-PL0000-000000000000".getBytes(StandardCharsets.US_ASCII));
            engine.attach(sim.open(NodeConfig.named("fetcher"), new PeerWireFormat(), engine));
            MetadataFetch fetch = engine.addFetch(INFO_HASH);
            Node<PeerMessage> liar = sim.open(NodeConfig.named("liar"), new PeerWireFormat(), (l, m) -> { });
            int liars = MetadataFetch.MAX_DROPPED + 200;
            for (int i = 0; i < liars; i++) {
                Link<PeerMessage> link = sim.await(liar.connect(engine.node().address()), Duration.ofSeconds(1));
                link.send(new PeerMessage.Handshake(Reserved.ours(), INFO_HASH, peerId(i)));
                // a metadata_size over the limit: dropped at once
                link.send(new PeerMessage.Extended(0, new ExtensionHandshake(Map.of(UtMetadata.NAME, 3), "liar", 0, 0,
                        1L << 40).encode()));
                sim.advance(Duration.ofMillis(100));
                assertFalse(link.isOpen(), "liar " + i + " was dropped");
            }
            assertEquals(MetadataFetch.MAX_DROPPED, fetch.droppedPeers().size());
            assertTrue(fetch.banned(PeerIds.key(peerId(liars - 1))), "the latest are still refused");
            assertFalse(fetch.banned(PeerIds.key(peerId(0))), "the oldest were forgotten");
        }
    }

    private static byte[] peerId(int i) {
        return String.format("-XX0000-%012d", i).getBytes(StandardCharsets.US_ASCII);
    }
}
