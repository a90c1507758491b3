package p2plab.bittorrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;

class BitTorrentNetworkTest {

    static BytesContent content(String name, int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return new BytesContent(name, b);
    }

    @Test
    void foundByServiceLoader() {
        assertTrue(ServiceLoader.load(Overlay.class).stream().anyMatch(p -> p.get().name().equals("bittorrent")));
    }

    @Test
    void shareSearchAndDownloadGiveByteIdenticalCopies() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(11)) {
            NetworkSpec spec = NetworkSpec.of("bt", 8, 11).withPeerSpec(PeerSpec.rates(400_000, 2_000_000))
                    .withOptions(Map.of("piece-length", "65536"));
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
            BytesContent file = content("Big Buck Bunny.mkv", 700_000, 1);
            net.share(PeerId.of(1), file);
            SearchResult found = sim.await(net.search(PeerId.of(2), Query.of("bunny")), Duration.ofSeconds(10));
            assertEquals(1, found.hits().size());
            assertEquals(file.id(), found.hits().get(0).content());
            assertEquals(2, found.messages(), "one request and one reply, as the transport counted them");
            List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
            for (int p = 2; p <= 8; p++) {
                downloads.add(net.download(PeerId.of(p), file.id()));
            }
            sim.await(CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)), Duration.ofMinutes(10));
            for (int p = 2; p <= 8; p++) {
                TransferResult r = downloads.get(p - 2).get();
                assertTrue(r.verified(), "peer " + p);
                assertEquals(700_000, r.bytes());
                assertArrayEquals(file.read(0, 700_000), net.bytes(PeerId.of(p), file.id()));
            }
            long fromOthers = downloads.stream().mapToLong(f -> f.join().sources().stream()
                    .filter(s -> s.peer().value() != 1).mapToLong(TransferResult.Source::bytes).sum()).sum();
            assertTrue(fromOthers > 700_000, "leechers trade among themselves, got " + fromOthers);
            assertEquals(Role.TRACKER, net.info(PeerId.of(0)).role());
            assertEquals(Role.SEED, net.info(PeerId.of(5)).role());
        }
    }

    @Test
    void userErrorsAreOneLine() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(NetworkSpec.of("bt", 2, 1), sim);
            assertThrows(OverlayException.class, () -> net.share(PeerId.of(0), content("a", 10, 1)));
            assertThrows(OverlayException.class, () -> net.download(PeerId.of(1), content("b", 10, 2).id()));
            assertThrows(OverlayException.class, () -> new BitTorrentOverlay()
                    .create(NetworkSpec.of("x", 1, 1).withOptions(Map.of("bogus", "1")), sim));
            net.kill(PeerId.of(0));
            Exception e = assertThrows(Exception.class,
                    () -> sim.await(net.search(PeerId.of(1), Query.of("x")), Duration.ofSeconds(5)));
            assertInstanceOf(OverlayException.class, e);
            assertTrue(e.getMessage().contains("peer revive 0"), e.getMessage());
        }
    }
}
