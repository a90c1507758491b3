package p2plab.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/** share, search and download on a 50-peer Kademlia network, as the shell runs them. */
class KademliaNetworkTest {
    private static final Duration WAIT = Duration.ofMinutes(5);

    @Test
    void aSharedFileIsFoundByAnyOfItsKeywordsAndDownloadedByteForByte() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(8)) {
            KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("k", 50, 8), sim, BucketPolicies.bep5(), NextHopPolicy.closestFirst());
            byte[] bytes = new byte[10_000];
            new SplittableRandom(1).nextBytes(bytes);
            BytesContent file = new BytesContent("debian netinst amd64.iso", bytes);
            net.share(PeerId.of(12), file);
            net.share(PeerId.of(13), new BytesContent("debian logo.png", new byte[] {1, 2, 3}));

            SearchResult byWord = sim.await(net.search(PeerId.of(40), Query.of("netinst")), WAIT);
            assertEquals(List.of(PeerId.of(12)), byWord.hits().stream().map(h -> h.holder()).toList());
            assertEquals(file.id(), byWord.hits().get(0).content());
            SearchResult both = sim.await(net.search(PeerId.of(40), Query.of("debian iso")), WAIT);
            assertEquals(1, both.hits().size(), "the holders of 'debian' filtered by the whole query");
            assertTrue(byWord.messages() > 0 && byWord.hopsToFirstHit() >= 1);
            assertFalse(byWord.details().get("distanceBitsByRound").isEmpty());

            TransferResult got = sim.await(net.download(PeerId.of(40), file.id()), WAIT);
            assertTrue(got.verified());
            assertEquals(10_000, got.bytes());
            assertEquals(PeerId.of(12), got.sources().get(0).peer());
            // Peer 13 holds a "debian" file too: it is asked for the first block once and says no.
            assertEquals(11, sim.metrics().peer("p40").get("kademlia/p2plab_block").messagesSent(), "ten 1 KiB blocks and one refusal");
            assertEquals(1, sim.metrics().peer("p13").get("kademlia/error").messagesSent());
        }
    }

    @Test
    void aKilledPeerIsFoundNoLongerAndARevivedOneAgain() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(9)) {
            KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("k", 30, 9).withOptions(Map.of("k", "4", "alpha", "2")), sim,
                    BucketPolicies.bep5(), NextHopPolicy.closestFirst());
            BytesContent file = new BytesContent("rare song.mp3", new byte[] {9, 9, 9});
            net.share(PeerId.of(3), file);
            net.kill(PeerId.of(3));
            TransferResult none = null;
            try {
                none = sim.await(net.download(PeerId.of(20), file.id()), WAIT);
            } catch (RuntimeException expected) {
                assertTrue(expected.getMessage().contains("no live holder"), expected.getMessage());
            }
            assertEquals(null, none);

            net.revive(PeerId.of(3));
            TransferResult got = sim.await(net.download(PeerId.of(20), file.id()), WAIT);
            assertTrue(got.verified());
            assertEquals(3, got.bytes());
        }
    }
}
