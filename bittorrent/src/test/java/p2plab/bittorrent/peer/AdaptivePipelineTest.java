package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * Our leecher starts with 5 requests out and, while a seed keeps them all busy, asks for more:
 * up to the seed's advertised {@code reqq}, never beyond. With {@code withPipeline(5)} the
 * pipeline stays fixed, as simulated experiments expect.
 */
class AdaptivePipelineTest {
    private static final int PIECE = 256 * 1024;

    /**
     * A seed that answers every request 20 ms after it arrives and counts how many wait with it at
     * most: with every block answered after the same delay, that is the leecher's window.
     */
    private static final class PatientSeed implements PeerHandler<PeerMessage> {
        final byte[] data;
        int waiting;
        int maxWaiting;

        PatientSeed(byte[] data) {
            this.data = data;
        }

        @Override
        public void onMessage(Link<PeerMessage> link, PeerMessage m) {
            if (m instanceof PeerMessage.Request r) {
                maxWaiting = Math.max(maxWaiting, ++waiting);
                int from = r.index() * PIECE + r.begin();
                link.local().clock().schedule(Duration.ofMillis(20), () -> {
                    waiting--;
                    link.send(new PeerMessage.Piece(r.index(), r.begin(), Arrays.copyOfRange(data, from, from + r.length())));
                });
            }
        }
    }

    private int maxOutstanding(ClientOptions options, int reqq) throws Exception {
        byte[] data = new byte[16 * PIECE];
        new Random(12).nextBytes(data);
        Metainfo meta = Torrents.of(new BytesContent("p.bin", data), null, PIECE);
        // 10 ms each way: 5 requests per round trip would cap the leecher far below the link
        try (SimTransport sim = new SimTransport(SimConfig.seeded(3).withLatency(LatencyModel.constant(Duration.ofMillis(10))))) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), options);
            Client.Torrent t = sim.await(leecher.get(meta, new MemoryStore(meta.pieceLength())), Duration.ofSeconds(1));
            PatientSeed seed = new PatientSeed(data);
            Node<PeerMessage> node = sim.open(NodeConfig.named("seed"), new PeerWireFormat(), seed);
            Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
            link.send(new PeerMessage.Handshake(Reserved.ours(), meta.infoHash(), "-XX0000-000000000007".getBytes()));
            link.send(new PeerMessage.HaveAll());
            link.send(new PeerMessage.Extended(0, new ExtensionHandshake(Map.of(), "patient", 0, reqq).encode()));
            link.send(new PeerMessage.Unchoke());
            assertTrue(sim.await(t.completion(), Duration.ofMinutes(1)).complete());
            return seed.maxWaiting;
        }
    }

    @Test
    void thePipelineGrowsUpToThePeersReqq() throws Exception {
        int grown = maxOutstanding(ClientOptions.defaults(), 40);
        assertEquals(40, grown, "grew from 5 to the peer's reqq, and no further");
    }

    @Test
    void aFixedPipelineStaysFixed() throws Exception {
        assertEquals(5, maxOutstanding(ClientOptions.defaults().withPeer(PeerConfig.DEFAULTS.withPipeline(5)), 40));
    }
}
