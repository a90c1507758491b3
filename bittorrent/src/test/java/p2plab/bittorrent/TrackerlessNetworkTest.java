package p2plab.bittorrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.PeerSourceFactory;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Address;
import p2plab.common.transport.sim.SimTransport;

/**
 * A lab network with {@code trackerless=true}: torrents name no tracker and peers never announce;
 * with a peer source from the application (here a roster of every peer, standing in for the DHT)
 * downloads complete even with the tracker dead, and without one nobody finds anybody.
 */
class TrackerlessNetworkTest {

    /** Every peer's address, filled in by the test once the network runs. */
    static final class Roster implements PeerSource {
        final List<Address> all;

        Roster(List<Address> all) {
            this.all = all;
        }

        @Override
        public String name() {
            return "roster";
        }

        @Override
        public Announcer start(SwarmRef swarm, PeerSink sink) {
            sink.found(all);
            return Announcer.NONE;
        }
    }

    @Test
    void downloadsCompleteThroughTheApplicationsSourcesWithTheTrackerDead() throws Exception {
        List<Address> roster = new CopyOnWriteArrayList<>();
        BytesContent file = BitTorrentNetworkTest.content("no tracker.bin", 300_000, 3);
        try (SimTransport sim = SimTransport.withSeed(21)) {
            BitTorrentNetwork net = start(sim, (peer, transport) -> List.of(new Roster(roster)));
            for (int p = 1; p <= 4; p++) {
                roster.add(net.info(PeerId.of(p)).address());
            }
            net.kill(PeerId.of(0));
            net.share(PeerId.of(1), file);
            assertNull(net.torrent(file.id()).announce(), "the torrent names no tracker");
            List<CompletableFuture<TransferResult>> downloads = List.of(net.download(PeerId.of(2), file.id()),
                    net.download(PeerId.of(3), file.id()), net.download(PeerId.of(4), file.id()));
            sim.await(CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)), Duration.ofMinutes(5));
            for (int p = 2; p <= 4; p++) {
                assertTrue(downloads.get(p - 2).get().verified(), "peer " + p);
                assertArrayEquals(file.read(0, 300_000), net.bytes(PeerId.of(p), file.id()));
            }
        }
    }

    @Test
    void withMagnetDownloadsTheMetadataComesFromThePeersToo() throws Exception {
        List<Address> roster = new CopyOnWriteArrayList<>();
        BytesContent file = BitTorrentNetworkTest.content("by magnet.bin", 200_000, 5);
        try (SimTransport sim = SimTransport.withSeed(23)) {
            NetworkSpec spec = NetworkSpec.of("bt", 3, 5).withOptions(Map.of("trackerless", "true", "magnet", "true",
                    "piece-length", "16384"));
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay(null, null,
                    (peer, transport) -> List.of(new Roster(roster))).create(spec, sim);
            net.share(PeerId.of(1), file);
            CompletableFuture<TransferResult> d = net.download(PeerId.of(2), file.id());
            sim.advance(Duration.ofSeconds(1));
            assertEquals("finding peers", net.info(PeerId.of(2)).details().get("by magnet.bin"), "nobody on the roster yet");
            assertNull(net.status(PeerId.of(2), file.id()));
            roster.add(net.info(PeerId.of(1)).address());
            CompletableFuture<TransferResult> d3 = net.download(PeerId.of(3), file.id()); // its sources start now
            assertTrue(sim.await(d3, Duration.ofMinutes(2)).verified());
            assertArrayEquals(file.read(0, 200_000), net.bytes(PeerId.of(3), file.id()));
            assertFalse(d.isDone(), "peer 2 asked its sources before anyone was listed, and no source repeats");
        }
    }

    @Test
    void withoutAnySourceNobodyFindsAnybody() throws Exception {
        BytesContent file = BitTorrentNetworkTest.content("alone.bin", 100_000, 4);
        try (SimTransport sim = SimTransport.withSeed(22)) {
            BitTorrentNetwork net = start(sim, PeerSourceFactory.NONE);
            net.share(PeerId.of(1), file);
            CompletableFuture<TransferResult> d = net.download(PeerId.of(2), file.id());
            sim.advance(Duration.ofMinutes(5));
            assertFalse(d.isDone(), "trackerless without a DHT: peer 2 never hears of peer 1");
            assertEquals(0, net.status(PeerId.of(2), file.id()).peers());
        }
    }

    private static BitTorrentNetwork start(SimTransport sim, PeerSourceFactory sources) {
        NetworkSpec spec = NetworkSpec.of("bt", 4, 5).withOptions(Map.of("trackerless", "true", "piece-length", "32768"));
        return (BitTorrentNetwork) new BitTorrentOverlay(null, null, sources).create(spec, sim);
    }
}
