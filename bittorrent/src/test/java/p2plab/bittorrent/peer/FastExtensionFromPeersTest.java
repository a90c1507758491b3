package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

/** BEP 6 messages as a leecher hears them: have all, suggest, allowed fast, reject; and from a peer that did not negotiate them. */
class FastExtensionFromPeersTest {
    private static final int PIECE = 64 * 1024;

    @Test
    void aSeedThatRejectsSomeRequestsStillGetsEveryBlockAskedAgain() throws Exception {
        byte[] data = new byte[4 * PIECE];
        new Random(21).nextBytes(data);
        Metainfo meta = Torrents.of(new BytesContent("f.bin", data), null, PIECE);
        try (SimTransport sim = SimTransport.withSeed(4)) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), ClientOptions.defaults());
            MemoryStore store = new MemoryStore(meta.pieceLength());
            Client.Torrent t = sim.await(leecher.get(meta, store), Duration.ofSeconds(1));
            Set<Long> rejectedOnce = new HashSet<>();
            Node<PeerMessage> node = sim.open(NodeConfig.named("seed"), new PeerWireFormat(), new PeerHandler<>() {
                @Override
                public void onMessage(Link<PeerMessage> link, PeerMessage m) {
                    if (m instanceof PeerMessage.Request r) {
                        // the first ask for every block is rejected; the second is answered
                        if (rejectedOnce.add(TorrentSession.blockKey(r.index(), r.begin()))) {
                            link.send(new PeerMessage.Reject(r.index(), r.begin(), r.length()));
                        } else {
                            int from = r.index() * PIECE + r.begin();
                            link.send(new PeerMessage.Piece(r.index(), r.begin(), Arrays.copyOfRange(data, from, from + r.length())));
                        }
                    }
                }
            });
            Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
            link.send(new PeerMessage.Handshake(Reserved.ours(), meta.infoHash(), "-XX0000-000000000008".getBytes()));
            link.send(new PeerMessage.HaveAll());
            link.send(new PeerMessage.Suggest(2));
            link.send(new PeerMessage.AllowedFast(1));
            link.send(new PeerMessage.Unchoke());
            sim.advance(Duration.ofSeconds(30));
            assertTrue(t.completion().isDone() && t.completion().get().complete(), "every rejected block was asked again");
            assertArrayEquals(data, store.read(0, data.length));
        }
    }

    @Test
    void fastMessagesFromAPeerThatDidNotNegotiateThemCloseTheConnection() throws Exception {
        Metainfo meta = Torrents.of(new BytesContent("f.bin", new byte[PIECE]), null, PIECE);
        try (SimTransport sim = SimTransport.withSeed(4)) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), ClientOptions.defaults());
            sim.await(leecher.get(meta, new MemoryStore(meta.pieceLength())), Duration.ofSeconds(1));
            Node<PeerMessage> node = sim.open(NodeConfig.named("plain"), new PeerWireFormat(), (l, m) -> { });
            Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
            link.send(PeerMessage.Handshake.of(meta.infoHash(), "-XX0000-000000000009".getBytes())); // no fast bit
            link.send(new PeerMessage.HaveAll());
            sim.advance(Duration.ofSeconds(1));
            assertFalse(link.isOpen(), "BEP 6: have all without the fast extension is a protocol error");
        }
    }
}
