package p2plab.napster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.TransferResult;
import p2plab.common.overlay.Query;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/** Scenarios that need control over time only simulation gives. */
class SimOnlyScenariosTest extends NapsterScenarios {
    private SimConfig config = SimConfig.seeded(5);

    @Override
    protected Transport newTransport() {
        return new SimTransport(config);
    }

    @Test
    void silentPeerIsDroppedAfterTheHeartbeatTimeout() {
        // Crashes are never reported by the connection here, so only the heartbeat can find them.
        config = config.withFailureDetection(Duration.ofHours(1));
        start(2, Map.of("heartbeat", "1s", "heartbeatTimeout", "3s"));
        shareAndWait(1, file("Cobalt Tide.mp3", 1), 2, file("Cobalt Rain.mp3", 1));
        net.kill(PeerId.of(1));
        transport.advance(Duration.ofSeconds(2));
        assertEquals(2, net.serverLoad().indexedFiles(), "still within the timeout");
        transport.advance(Duration.ofSeconds(2)); // timeout 3 s, checked every 0.75 s
        assertEquals(1, net.serverLoad().connectedPeers());
        assertEquals(Set.of(2), holders(await(net.search(PeerId.of(2), Query.of("cobalt")))));
    }

    @Test
    void livePeersAreNeverDroppedByTheHeartbeat() {
        start(2, Map.of("heartbeat", "1s", "heartbeatTimeout", "3s"));
        transport.advance(Duration.ofMinutes(2));
        assertEquals(2, net.serverLoad().connectedPeers());
    }

    @Test
    void holderServesManyUploadsAtOnceWithinItsUploadRate() {
        start(0, Map.of());
        long rate = 1 << 20; // 1 MiB/s uplink
        PeerId holder = net.addPeer(PeerSpec.rates(rate, 0));
        List<PeerId> downloaders = List.of(net.addPeer(PeerSpec.UNLIMITED), net.addPeer(PeerSpec.UNLIMITED),
                net.addPeer(PeerSpec.UNLIMITED));
        waitUntil(() -> net.serverLoad().connectedPeers() == 4, Duration.ofSeconds(5), "logged in");
        GeneratedContent c = file("Shared Album.flac", 2 << 20);
        shareAndWait(holder.value(), c);
        long start = transport.clock().nanos();
        List<CompletableFuture<TransferResult>> running = new ArrayList<>();
        for (PeerId d : downloaders) {
            running.add(net.download(d, c.id()));
        }
        waitUntil(() -> uploads(holder) == 3, Duration.ofSeconds(2), "three uploads at once");
        List<Double> seconds = new ArrayList<>();
        for (CompletableFuture<TransferResult> f : running) {
            TransferResult t = await(f);
            assertTrue(t.verified());
            seconds.add((transport.clock().nanos() - start) / 1e9);
        }
        // 6 MiB through a 1 MiB/s uplink takes 6 s at least; shared in turn, all three end near the end.
        double all = 3.0 * c.size() / rate;
        for (double s : seconds) {
            assertTrue(s >= all * 0.9 && s <= all * 1.2, "finished after " + s + " s, expected about " + all);
        }
    }

    @Test
    void serviceLoaderFindsNapster() {
        Overlay found = ServiceLoader.load(Overlay.class).stream().map(ServiceLoader.Provider::get)
                .filter(o -> o.name().equals("napster")).findFirst().orElseThrow();
        transport = newTransport();
        net = (NapsterNetwork) found.create(NetworkSpec.of("sl", 2, 1), transport);
        assertEquals(3, net.peers().size());
        assertEquals("index server", net.topology().peers().get(0).role().toString());
    }

    @Test
    void theServerHearsEachShareOnceWhetherMadeBeforeOrAfterTheLoginAndARevivedPeerKeepsItsFiles() {
        start(0, Map.of());
        PeerId peer = net.addPeer(PeerSpec.UNLIMITED);
        net.share(peer, file("Amber Early.mp3", 1)); // before the login: the login sends it
        net.share(peer, file("Amber Gone.mp3", 1));
        net.unshare(peer, "Amber Gone.mp3"); // before the login too: the server never hears of it
        waitUntil(() -> net.serverLoad().indexedFiles() == 1, Duration.ofSeconds(5), "logged in, one file");
        net.share(peer, file("Amber Late.mp3", 1)); // after: a Share of its own
        net.unshare(peer, "Amber Early.mp3");
        transport.advance(Duration.ofSeconds(1));
        assertEquals(1, net.serverLoad().indexedFiles());
        assertEquals(2, serverReceived("Share"), "Early at the login, Late after it");
        assertEquals(1, serverReceived("Unshare"));

        net.share(peer, file("Amber Last.mp3", 1));
        net.kill(peer); // before its thread ran the share
        net.revive(peer);
        waitUntil(() -> net.serverLoad().indexedFiles() == 2, Duration.ofSeconds(5), "Late and Last indexed again");
        assertEquals(2, net.info(peer).shares());
        assertEquals(4, serverReceived("Share"), "the revived peer's login sent both files; the share just before the kill sent none");
    }

    private long serverReceived(String type) {
        return transport.metrics().peer("p0").entrySet().stream().filter(e -> e.getKey().endsWith("/" + type))
                .mapToLong(e -> e.getValue().messagesReceived()).sum();
    }

    @Test
    void sameSeedSameRun() {
        long[] first = run();
        long[] second = run();
        assertEquals(first[0], second[0]);
        assertEquals(first[1], second[1]);
    }

    private long[] run() {
        start(5, Map.of());
        shareAndWait(1, file("Onyx One.mp3", 70_000), 2, file("Onyx Two.mp3", 1), 3, file("Onyx One.mp3", 70_000));
        await(net.search(PeerId.of(4), Query.of("onyx")));
        await(net.download(PeerId.of(5), file("Onyx One.mp3", 70_000).id()));
        long[] out = {net.metrics().total().bytesSent(), transport.clock().nanos()};
        net.close();
        transport.close();
        net = null;
        transport = null;
        return out;
    }
}
