package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

/** Two scripted seeds and our leecher: the last blocks are asked of both, and the spare copy is cancelled. */
class EndgameTest {

    /** A seed that answers nothing by itself; the test decides what it sends. */
    static final class Scripted implements PeerHandler<PeerMessage> {
        final List<PeerMessage> received = new ArrayList<>();

        @Override
        public void onMessage(Link<PeerMessage> link, PeerMessage m) {
            received.add(m);
        }

        List<PeerMessage.Request> requests() {
            return received.stream().filter(PeerMessage.Request.class::isInstance).map(PeerMessage.Request.class::cast).toList();
        }
    }

    @Test
    void lastBlocksAreRequestedTwiceAndTheDuplicateCancelled() throws Exception {
        byte[] data = new byte[32 * 1024]; // one piece of two 16 KiB blocks
        new Random(3).nextBytes(data);
        Metainfo meta = Torrents.of(new BytesContent("tiny.bin", data), null, 32 * 1024);
        try (SimTransport sim = SimTransport.withSeed(2)) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), ClientOptions.defaults());
            MemoryStore store = new MemoryStore(meta.pieceLength());
            Client.Torrent t = sim.await(leecher.get(meta, store), Duration.ofSeconds(1));
            Scripted a = new Scripted();
            Scripted b = new Scripted();
            Link<PeerMessage> la = join(sim, "a", a, leecher, meta);
            Link<PeerMessage> lb = join(sim, "b", b, leecher, meta);
            la.send(new PeerMessage.Unchoke());
            sim.advance(Duration.ofSeconds(1));
            assertEquals(2, a.requests().size(), "both blocks asked of the first seed to unchoke");
            lb.send(new PeerMessage.Unchoke());
            sim.advance(Duration.ofSeconds(1));
            assertEquals(2, b.requests().size(), "endgame: the same blocks asked of the second");
            la.send(new PeerMessage.Piece(0, 0, Arrays.copyOfRange(data, 0, 16384)));
            sim.advance(Duration.ofSeconds(1));
            assertTrue(b.received.contains(new PeerMessage.Cancel(0, 0, 16384)), "spare request cancelled");
            lb.send(new PeerMessage.Piece(0, 16384, Arrays.copyOfRange(data, 16384, 32768)));
            sim.advance(Duration.ofSeconds(1));
            assertTrue(t.completion().isDone() && t.completion().get().complete());
            assertArrayEquals(data, store.read(0, data.length));
            assertTrue(a.received.contains(new PeerMessage.Cancel(0, 16384, 16384)), "and the other one");
            assertTrue(a.received.contains(new PeerMessage.Have(0)), "have announced after verification");
        }
    }

    private static Link<PeerMessage> join(SimTransport sim, String label, Scripted h, Client leecher, Metainfo meta) throws Exception {
        Node<PeerMessage> node = sim.open(NodeConfig.named(label), new PeerWireFormat(), h);
        Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
        byte[] id = String.format("-XX0000-%012d", label.hashCode() & 0xffff).getBytes();
        link.send(PeerMessage.Handshake.of(meta.infoHash(), id));
        link.send(new PeerMessage.Bitfield(PieceSet.full(meta.pieceCount()).toWire()));
        sim.advance(Duration.ofMillis(500));
        return link;
    }
}
