package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * An upload slot that frees up between two rechokes (its peer lost interest) goes to a waiting
 * peer at once, not 10 s later: an idle slot is upload capacity lost.
 */
class FreedSlotTest {

    @Test
    void aPeerThatLosesInterestGivesItsSlotToOneThatWaits() throws Exception {
        byte[] data = new byte[64 * 1024];
        Metainfo meta = Torrents.of(new BytesContent("slides.pdf", data), null, 16 * 1024);
        try (SimTransport sim = SimTransport.withSeed(8)) {
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults());
            sim.await(seed.seed(meta, new ContentStore(new BytesContent("slides.pdf", data))), Duration.ofSeconds(1));
            List<EndgameTest.Scripted> peers = new ArrayList<>();
            List<Link<PeerMessage>> links = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                EndgameTest.Scripted p = new EndgameTest.Scripted();
                Node<PeerMessage> node = sim.open(NodeConfig.named("leecher" + i), new PeerWireFormat(), p);
                Link<PeerMessage> link = sim.await(node.connect(seed.address()), Duration.ofSeconds(1));
                link.send(PeerMessage.Handshake.of(meta.infoHash(), String.format("-XX0000-%012d", i).getBytes()));
                link.send(new PeerMessage.Bitfield(new PieceSet(meta.pieceCount()).toWire()));
                link.send(new PeerMessage.Interested());
                peers.add(p);
                links.add(link);
            }
            sim.advance(Duration.ofSeconds(1)); // well before the first 10 s rechoke
            List<Integer> unchoked = unchoked(peers);
            assertEquals(5, unchoked.size(), "4 regular + 1 optimistic slots filled as the peers arrived: " + unchoked);

            int leaving = unchoked.get(0);
            links.get(leaving).send(new PeerMessage.NotInterested());
            sim.advance(Duration.ofSeconds(1));

            List<Integer> now = unchoked(peers);
            assertTrue(!now.contains(leaving), "the peer that lost interest is choked: " + now);
            assertEquals(5, now.size(), "and a waiting peer took its slot within a second: " + now);
        }
    }

    /** Peers whose last choke message from the seed was an unchoke. */
    private static List<Integer> unchoked(List<EndgameTest.Scripted> peers) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            PeerMessage last = null;
            for (PeerMessage m : peers.get(i).received) {
                if (m instanceof PeerMessage.Choke || m instanceof PeerMessage.Unchoke) {
                    last = m;
                }
            }
            if (last instanceof PeerMessage.Unchoke) {
                out.add(i);
            }
        }
        return out;
    }
}
