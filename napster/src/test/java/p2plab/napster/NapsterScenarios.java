package p2plab.napster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Content;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Transport;

/**
 * The behaviour issue 3 asks for, written once and run on every transport (one subclass each).
 * Waits are bounded; over TCP they are real time, so the files and rates are kept small there.
 */
abstract class NapsterScenarios {
    protected Transport transport;
    protected NapsterNetwork net;

    protected abstract Transport newTransport();

    /** Bytes per second that makes a 2 MiB upload last a few seconds on this transport. */
    protected long slowUploadRate() {
        return 512 * 1024;
    }

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    protected NapsterNetwork start(int peers, Map<String, String> options) {
        transport = newTransport();
        NetworkSpec spec = NetworkSpec.of("test", peers, 42).withOptions(options);
        net = (NapsterNetwork) new NapsterOverlay().create(spec, transport);
        waitUntil(() -> net.serverLoad().connectedPeers() == peers, Duration.ofSeconds(20), "every peer logged in");
        return net;
    }

    protected void waitUntil(BooleanSupplier condition, Duration limit, String what) {
        long steps = Math.max(1, limit.toMillis() / 20);
        for (long i = 0; i < steps; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            transport.advance(Duration.ofMillis(20));
        }
        if (!condition.getAsBoolean()) {
            fail("not true after " + limit.toMillis() + " ms: " + what);
        }
    }

    protected <T> T await(CompletableFuture<T> f) {
        try {
            return transport.await(f, Duration.ofSeconds(60));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }

    protected void shareAndWait(Object... peerAndContent) {
        int before = net.serverLoad().indexedFiles();
        for (int i = 0; i < peerAndContent.length; i += 2) {
            net.share(PeerId.of((Integer) peerAndContent[i]), (Content) peerAndContent[i + 1]);
        }
        int expected = before + peerAndContent.length / 2;
        waitUntil(() -> net.serverLoad().indexedFiles() == expected, Duration.ofSeconds(10), expected + " files indexed");
    }

    protected static GeneratedContent file(String name, long size) {
        return new GeneratedContent(name, size, name.hashCode());
    }

    protected static Set<Integer> holders(SearchResult r) {
        return r.hits().stream().map(h -> h.holder().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    protected static void assertByteIdentical(Content expected, Content actual) {
        assertNotNull(actual, "the downloader kept the file");
        assertEquals(expected.size(), actual.size());
        for (long off = 0; off < expected.size(); off += 1 << 20) {
            int len = (int) Math.min(1 << 20, expected.size() - off);
            assertArrayEquals(expected.read(off, len), actual.read(off, len), "bytes at " + off);
        }
    }

    @Test
    void searchReturnsExactlyTheLivePeersThatShareAMatch() {
        start(6, Map.of());
        shareAndWait(1, file("Amber River.mp3", 10), 2, file("Amber River.mp3", 10), 3, file("amber STORM.ogg", 20),
                4, file("Blue Night.mp3", 30), 5, file("River Amber Song.flac", 40), 6, file("Amberlight.mp3", 5));
        SearchResult all = await(net.search(PeerId.of(6), Query.of("AMBER")));
        assertEquals(Set.of(1, 2, 3, 5), holders(all));
        SearchResult two = await(net.search(PeerId.of(4), Query.of("river amber")));
        assertEquals(Set.of(1, 2, 5), holders(two));

        net.kill(PeerId.of(2));
        waitUntil(() -> net.serverLoad().connectedPeers() == 5, Duration.ofSeconds(10), "peer 2 dropped");
        assertEquals(Set.of(1, 3, 5), holders(await(net.search(PeerId.of(6), Query.of("amber")))));
        assertEquals(Set.of(), holders(await(net.search(PeerId.of(6), Query.of("amber night")))));
    }

    @Test
    void killedPeerVanishesFromResults() {
        start(3, Map.of());
        shareAndWait(1, file("Velvet Quiet.mp3", 10), 2, file("Velvet Loud.mp3", 10));
        assertEquals(Set.of(1, 2), holders(await(net.search(PeerId.of(3), Query.of("velvet")))));
        net.kill(PeerId.of(1));
        // The crash closes its connection to the server; that is seen within the failure-detection delay.
        waitUntil(() -> {
            SearchResult r = await(net.search(PeerId.of(3), Query.of("velvet")));
            return holders(r).equals(Set.of(2));
        }, Duration.ofSeconds(5), "peer 1 gone from results");
        assertEquals(1, net.serverLoad().indexedFiles());
    }

    @Test
    void searchCostsItsRequestItsResultsAndTheEndMarker() {
        start(4, Map.of());
        shareAndWait(1, file("Echo One.mp3", 1), 2, file("Echo Two.mp3", 1), 3, file("Echo Three.mp3", 1));
        SearchResult r = await(net.search(PeerId.of(4), Query.of("echo")));
        assertEquals(3, r.hits().size());
        assertEquals(1 + 3 + 1, r.messages());
        assertEquals(1, r.hopsToFirstHit());
        assertEquals(1, r.peersReached());
        assertEquals(0, r.duplicates());
        assertFalse(r.timedOut());
        for (Hit h : r.hits()) {
            assertEquals(1, h.hops());
        }
        SearchResult none = await(net.search(PeerId.of(4), Query.of("nothing here")));
        assertEquals(2, none.messages());
        assertEquals(-1, none.hopsToFirstHit());
    }

    @Test
    void downloadsAreByteIdenticalFromZeroBytesUp() {
        start(2, Map.of());
        long[] sizes = {0, 1, 32_767, 32_768, 32_769, 1_000_003};
        for (long size : sizes) {
            GeneratedContent c = file("File Of " + size + " Bytes.bin", size);
            shareAndWait(1, c);
            TransferResult t = await(net.download(PeerId.of(2), c.id()));
            assertTrue(t.verified(), "verified at " + size);
            assertEquals(size, t.bytes());
            if (size > 0) {
                assertEquals(List.of(new TransferResult.Source(PeerId.of(1), size)), t.sources());
            }
            assertByteIdentical(c, net.downloaded(PeerId.of(2), c.id()));
        }
    }

    @Test
    void sixtyFourMebibyteDownloadIsByteIdentical() {
        start(2, Map.of());
        GeneratedContent big = file("Big Archive.bin", 64L << 20);
        shareAndWait(1, big);
        TransferResult t = await(net.download(PeerId.of(2), big.id()));
        assertTrue(t.verified());
        assertEquals(64L << 20, t.bytes());
        assertByteIdentical(big, net.downloaded(PeerId.of(2), big.id()));
    }

    @Test
    void holderKilledMidDownloadFailsOverToAnotherHolder() {
        start(1, Map.of());
        PeerId a = net.addPeer(PeerSpec.rates(slowUploadRate(), 0));
        PeerId b = net.addPeer(PeerSpec.rates(slowUploadRate(), 0));
        PeerId downloader = net.addPeer(PeerSpec.UNLIMITED);
        waitUntil(() -> net.serverLoad().connectedPeers() == 4, Duration.ofSeconds(10), "logged in");
        GeneratedContent c = file("Long Mix.mp3", 2 << 20);
        shareAndWait(a.value(), c, b.value(), c);
        AtomicLong progress = new AtomicLong();
        CompletableFuture<TransferResult> d = net.download(downloader, c.id(), (done, total, sources) -> progress.set(done));
        waitUntil(() -> progress.get() > 0, Duration.ofSeconds(10), "download started");
        PeerId first = uploads(a) > 0 ? a : b;
        PeerId other = first.equals(a) ? b : a;
        net.kill(first);
        TransferResult t = await(d);
        assertTrue(t.verified());
        assertEquals(c.size(), t.bytes());
        List<PeerId> sources = t.sources().stream().map(TransferResult.Source::peer).toList();
        assertEquals(List.of(first, other), sources);
        assertEquals(c.size(), t.sources().stream().mapToLong(TransferResult.Source::bytes).sum());
        assertByteIdentical(c, net.downloaded(downloader, c.id()));
    }

    @Test
    void serverKilledSearchesFailFastAndRunningDownloadsContinue() {
        start(1, Map.of());
        PeerId holder = net.addPeer(PeerSpec.rates(slowUploadRate(), 0));
        PeerId downloader = net.addPeer(PeerSpec.UNLIMITED);
        waitUntil(() -> net.serverLoad().connectedPeers() == 3, Duration.ofSeconds(10), "logged in");
        GeneratedContent c = file("Long Set.flac", 2 << 20);
        shareAndWait(holder.value(), c);
        AtomicLong progress = new AtomicLong();
        CompletableFuture<TransferResult> d = net.download(downloader, c.id(), (done, total, sources) -> progress.set(done));
        waitUntil(() -> progress.get() > 0, Duration.ofSeconds(10), "download started");

        net.kill(PeerId.of(0));
        waitUntil(() -> !loggedIn(downloader), Duration.ofSeconds(5), "peers notice the server is gone");
        CompletableFuture<SearchResult> s = net.search(downloader, Query.of("long set"));
        OverlayException e = assertThrows(OverlayException.class, () -> transport.await(s, Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("index server unreachable: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        TransferResult t = await(d);
        assertTrue(t.verified(), "the transfer between peers did not need the server");
        assertEquals(List.of(new TransferResult.Source(holder, c.size())), t.sources());
    }

    @Test
    void revivedServerIsRefilledWithoutUserAction() {
        start(3, Map.of("retry", "500ms"));
        shareAndWait(1, file("Garnet Echo.mp3", 5), 2, file("Garnet Rain.mp3", 5), 3, file("Other.mp3", 5));
        net.kill(PeerId.of(0));
        waitUntil(() -> !loggedIn(PeerId.of(1)) && !loggedIn(PeerId.of(2)) && !loggedIn(PeerId.of(3)),
                Duration.ofSeconds(5), "peers notice the crash");
        net.revive(PeerId.of(0));
        waitUntil(() -> net.serverLoad().connectedPeers() == 3 && net.serverLoad().indexedFiles() == 3,
                Duration.ofSeconds(10), "peers logged in again and re-shared");
        assertEquals(Set.of(1, 2), holders(await(net.search(PeerId.of(3), Query.of("garnet")))));
    }

    @Test
    void browseListsTheFilesOfOnePeer() {
        start(2, Map.of());
        shareAndWait(1, file("One.mp3", 1), 1, file("Two.mp3", 2));
        List<Hit> files = await(net.browse(PeerId.of(2), PeerId.of(1)));
        assertEquals(List.of("One.mp3", "Two.mp3"), files.stream().map(Hit::name).toList());
        assertEquals(List.of(), await(net.browse(PeerId.of(2), PeerId.of(2))));
    }

    @Test
    void unsharedFileLeavesTheIndex() {
        start(2, Map.of());
        shareAndWait(1, file("Ivory Tide.mp3", 1), 1, file("Ivory Road.mp3", 1));
        net.unshare(PeerId.of(1), "Ivory Tide.mp3");
        waitUntil(() -> net.serverLoad().indexedFiles() == 1, Duration.ofSeconds(5), "unshared");
        SearchResult r = await(net.search(PeerId.of(2), Query.of("ivory")));
        assertEquals(List.of("Ivory Road.mp3"), r.hits().stream().map(Hit::name).toList());
        assertThrows(OverlayException.class, () -> net.unshare(PeerId.of(1), "Ivory Tide.mp3"));
    }

    @Test
    void serverLoadIsQueryable() {
        start(3, Map.of());
        shareAndWait(1, file("A.mp3", 1), 2, file("B.mp3", 1), 3, file("C.mp3", 1));
        await(net.search(PeerId.of(1), Query.of("a")));
        ServerLoad load = net.serverLoad();
        assertTrue(load.alive());
        assertEquals(3, load.connectedPeers());
        assertEquals(3, load.indexedFiles());
        assertTrue(load.messagesReceived() >= 3 + 3 + 1, "logins, shares, search: " + load.messagesReceived());
        assertEquals("3", net.info(PeerId.of(0)).details().get("indexedFiles"));
        assertEquals(3, net.topology().edges().size());
    }

    @Test
    void commandsOnTheServerOrAMissingPeerSayWhatToDo() {
        start(1, Map.of());
        OverlayException onServer = assertThrows(OverlayException.class, () -> net.search(PeerId.of(0), Query.of("x")));
        assertTrue(onServer.getMessage().contains("index server"), onServer.getMessage());
        assertThrows(OverlayException.class, () -> net.search(PeerId.of(9), Query.of("x")));
        assertThrows(IllegalArgumentException.class,
                () -> new NapsterOverlay().create(NetworkSpec.of("x", 1, 1).withOptions(Map.of("bogus", "1")), transport));
    }

    protected int uploads(PeerId id) {
        return Integer.parseInt(net.info(id).details().get("uploads"));
    }

    protected boolean loggedIn(PeerId id) {
        return Boolean.parseBoolean(net.info(id).details().get("loggedIn"));
    }
}
