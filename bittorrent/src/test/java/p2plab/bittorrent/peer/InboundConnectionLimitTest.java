package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A peer that opens connection after connection to us: past {@link PeerEngine#MAX_INBOUND} open
 * at once, a new one is closed at once; when one closes, there is room again.
 */
class InboundConnectionLimitTest {

    @Test
    void connectionsPastTheLimitAreClosedAndAFreedPlaceIsTakenAgain() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(7)) {
            Client victim = Client.open(sim, "victim", 0, NodeConfig.named("victim"), ClientOptions.defaults());
            Node<PeerMessage> opener = sim.open(NodeConfig.named("opener"), new PeerWireFormat(), (l, m) -> { });
            List<CompletableFuture<Link<PeerMessage>>> dials = new ArrayList<>();
            for (int i = 0; i < PeerEngine.MAX_INBOUND + 20; i++) {
                dials.add(opener.connect(victim.address())); // all at once: well within the handshake timeout
                sim.advance(Duration.ofMillis(1)); // one after the other, so the first ones are the first accepted
            }
            sim.advance(Duration.ofSeconds(1));
            List<Link<PeerMessage>> links = dials.stream().map(CompletableFuture::join).toList();

            assertEquals(PeerEngine.MAX_INBOUND, links.stream().filter(Link::isOpen).count());
            assertTrue(links.subList(0, PeerEngine.MAX_INBOUND).stream().allMatch(Link::isOpen), "the first ones keep their place");

            links.get(0).close();
            sim.advance(Duration.ofSeconds(1));
            Link<PeerMessage> again = sim.await(opener.connect(victim.address()), Duration.ofSeconds(1));
            sim.advance(Duration.ofSeconds(1));
            assertTrue(again.isOpen(), "a closed connection frees its place");
            Link<PeerMessage> over = sim.await(opener.connect(victim.address()), Duration.ofSeconds(1));
            sim.advance(Duration.ofSeconds(1));
            assertFalse(over.isOpen(), "and the limit holds again");
        }
    }
}
