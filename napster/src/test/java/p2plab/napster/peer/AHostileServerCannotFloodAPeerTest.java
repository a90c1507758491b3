package p2plab.napster.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;

/**
 * A server that answers far more than was asked: a search keeps at most the {@code maxResults}
 * it asked for, a browse at most {@link NapsterPeer#MAX_BROWSE_FILES} files, whatever the server sends.
 */
class AHostileServerCannotFloodAPeerTest {
    private static final int FLOOD = 3 * NapsterPeer.MAX_BROWSE_FILES;
    private static final String HASH = "0f".repeat(32);

    /** Logs everyone in and answers each search and browse with {@link #FLOOD} entries. */
    private static final class FloodingServer implements PeerHandler<NapMessage> {
        @Override
        public void onMessage(Link<NapMessage> link, NapMessage message) {
            if (message instanceof NapMessage.Login login) {
                link.send(new NapMessage.LoginAck(login.nick() + "@flood"));
            } else if (message instanceof NapMessage.Search s) {
                for (int i = 0; i < FLOOD; i++) {
                    link.send(new NapMessage.SearchResult(s.searchId(), "bait " + i + ".mp3", HASH, 1, "p1", "127.0.0.9", 0));
                }
                link.send(new NapMessage.SearchEnd(s.searchId()));
            } else if (message instanceof NapMessage.Browse b) {
                for (int i = 0; i < FLOOD; i++) {
                    link.send(new NapMessage.BrowseResult("p1", "bait " + i + ".mp3", HASH, 1));
                }
                link.send(new NapMessage.BrowseEnd(b.nick()));
            }
        }
    }

    @Test
    void searchAndBrowseKeepNoMoreThanTheirLimit() throws Exception {
        SimTransport sim = SimTransport.withSeed(1);
        NapsterCodec codec = new NapsterCodec();
        Node<NapMessage> server = sim.open(NodeConfig.named("p0"), codec, new FloodingServer());
        NapsterPeer peer = new NapsterPeer(server.address(), PeerSettings.DEFAULTS, sim.metrics(), new HashMap<>());
        Node<NapMessage> node = sim.open(NodeConfig.named("p2"), codec, peer);
        peer.bind(node);
        node.execute(peer::start);
        sim.advance(Duration.ofSeconds(1));
        assertTrue(peer.loggedIn());

        SearchResult found = sim.await(peer.search(Query.of("bait")), Duration.ofMinutes(1));
        assertEquals(PeerSettings.DEFAULTS.maxResults(), found.hits().size(), "the maxResults the search asked for");

        List<Hit> files = sim.await(peer.browse("p1"), Duration.ofMinutes(1));
        assertEquals(NapsterPeer.MAX_BROWSE_FILES, files.size());
    }
}
