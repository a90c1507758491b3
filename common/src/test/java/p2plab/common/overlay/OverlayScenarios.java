package p2plab.common.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Content;
import p2plab.common.content.GeneratedContent;
import p2plab.common.transport.Address;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * What every overlay does through the Overlay SPI, whatever the driver: the shell, the
 * experiments and the labs count on it. Every overlay module runs it on both drivers, with one
 * {@code @Nested} subclass of {@link InSimulation} and one of {@link OverTcp} that name the
 * overlay (see docs/architecture.md, "Adding an overlay"). Searches are repeated
 * until they find the file, so an overlay may take its time to form (log in, elect supernodes,
 * announce to a tracker).
 */
public abstract class OverlayScenarios {

    /** The scenarios in simulation; a subclass names the overlay. */
    public abstract static class InSimulation extends OverlayScenarios {
        @Override
        protected Transport newTransport(long seed) {
            return SimTransport.withSeed(seed);
        }
    }

    /** The scenarios over TCP on 127.0.0.1, ten times faster than real time. */
    public abstract static class OverTcp extends OverlayScenarios {
        @Override
        protected Transport newTransport(long seed) {
            return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withTimeScale(10));
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 20;
    /** Protocol time an overlay is given to form before the first search. */
    private static final Duration FORMING = Duration.ofSeconds(5);

    private Transport transport;
    private Network net;

    /** The overlay under test, with its default strategies. */
    protected abstract Overlay overlay();

    /** A fresh transport: a {@code SimTransport} or a {@code TcpTransport}. */
    protected abstract Transport newTransport(long seed);

    /** The network the scenarios run on: six peers; override to set the overlay's options. */
    protected NetworkSpec spec() {
        return NetworkSpec.of("scenarios", 6, 11);
    }

    @AfterEach
    void close() {
        if (net != null) {
            net.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void everyPeerIsListedAliveAtAnAddressOfItsOwn() {
        Network n = start();
        Set<Address> addresses = new HashSet<>();
        for (PeerId id : n.peers()) {
            PeerInfo info = n.info(id);
            assertTrue(info.alive(), id + " is alive");
            assertTrue(addresses.add(info.address()), id + " shares its address " + info.address());
        }
        assertTrue(ordinaryPeers().size() >= 2, "at least two peers that share and search: " + n.peers());
        assertEquals(n.peers().size(), n.topology().peers().size());
    }

    @Test
    void aSharedFileIsFoundAndDownloadedByteForByte() throws Exception {
        Content file = new GeneratedContent("Velvet Harbor.mp3", 96 * 1024, 5);
        PeerId seeker = shareAndFind(file).seeker();
        TransferResult t = await(net.download(seeker, file.id()));
        assertTrue(t.verified(), "the SHA-256 of the bytes received is the file's id");
        assertEquals(file.size(), t.bytes());
        assertTrue(net.metrics().total().messagesSent() > 0, "the transport counted the messages");
    }

    @Test
    void aKilledPeerIsDeadUntilRevivedAtItsAddressWithItsFiles() throws Exception {
        Content file = new GeneratedContent("Amber River.ogg", 32 * 1024, 6);
        Pair p = shareAndFind(file);
        PeerId holder = p.holder();
        PeerId seeker = p.seeker();
        Address before = net.info(holder).address();

        net.kill(holder);
        assertFalse(net.info(holder).alive());
        assertThrows(OverlayException.class, () -> net.search(holder, Query.of("amber")), "a dead peer cannot search");
        assertThrows(OverlayException.class, () -> net.kill(holder), "a dead peer cannot die twice");

        net.revive(holder);
        assertTrue(net.info(holder).alive());
        assertEquals(before, net.info(holder).address(), "back at its old address");
        assertThrows(OverlayException.class, () -> net.revive(holder), "a running peer cannot be revived");
        transport.advance(Duration.ofSeconds(1));
        searchUntilFound(seeker, file);
    }

    private record Pair(PeerId holder, PeerId seeker) {
    }

    /** Starts the network; the first ordinary peer shares {@code file} and the last one finds it. */
    private Pair shareAndFind(Content file) throws Exception {
        start();
        List<PeerId> peers = ordinaryPeers();
        Pair p = new Pair(peers.get(0), peers.get(peers.size() - 1));
        net.share(p.holder(), file);
        searchUntilFound(p.seeker(), file);
        return p;
    }

    private Network start() {
        transport = newTransport(11);
        net = overlay().create(spec(), transport);
        assertNotEquals(0, net.peers().size());
        transport.advance(FORMING); // log in, elect, connect
        return net;
    }

    /**
     * The peers that share and search: all but the hubs (an index server, a tracker, a
     * supernode), whose crash is each overlay's own scenario.
     */
    private List<PeerId> ordinaryPeers() {
        Set<Role> hubs = Set.of(Role.INDEX_SERVER, Role.TRACKER, Role.SUPERNODE);
        return net.peers().stream().filter(id -> !hubs.contains(net.info(id).role())).toList();
    }

    private void searchUntilFound(PeerId from, Content file) throws Exception {
        String keyword = file.name().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
        String last = "no hit";
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                SearchResult r = await(net.search(from, Query.of(keyword)));
                if (r.hits().stream().anyMatch(h -> h.content().equals(file.id()))) {
                    return;
                }
            } catch (CompletionException | OverlayException e) { // e.g. not logged in yet: try again
                last = String.valueOf(e.getMessage());
            }
            transport.advance(Duration.ofSeconds(2));
        }
        throw new AssertionError(from + " never found " + file.name() + " searching '" + keyword + "' (" + last + ")");
    }

    private <T> T await(CompletableFuture<T> f) throws TimeoutException {
        return transport.await(f, WAIT);
    }
}
