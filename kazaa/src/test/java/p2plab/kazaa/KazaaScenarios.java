package p2plab.kazaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Content;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Transport;

/**
 * The key Kazaa scenarios, written once against the SPI; each transport gets a subclass that
 * says how to make one. Every wait is bounded.
 */
public abstract class KazaaScenarios {
    protected Transport transport;
    private KazaaNetwork net;

    /** A fresh transport; in simulation crashes should be detected within a second. */
    protected abstract Transport newTransport(long seed);

    /** Options every network of these scenarios gets on this transport (e.g. a longer search window). */
    protected Map<String, String> transportOptions() {
        return Map.of();
    }

    @AfterEach
    void closeEverything() {
        if (net != null) {
            net.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private KazaaNetwork build(int peers, Map<String, String> options) {
        transport = newTransport(7);
        Map<String, String> all = new java.util.HashMap<>(options);
        all.putAll(transportOptions());
        net = Fixtures.network(transport, peers, null, all);
        return net;
    }

    @Test
    void ordinaryNodesAttachToSupernodesThatIndexTheirFiles() throws TimeoutException {
        KazaaNetwork n = build(40, Map.of("supernode-ratio", "0.1"));
        assertEquals(4, n.supernodes().size());
        Topology t = n.topology();
        for (var info : t.peers()) {
            if (info.role() == Role.ORDINARY_NODE) {
                assertEquals(1, info.neighbours().size(), "an ordinary node has exactly one supernode: " + info);
                assertTrue(n.supernodes().contains(info.neighbours().get(0)));
            } else {
                assertEquals(3, info.neighbours().size(), "4 supernodes, all linked: " + info);
                assertEquals("9", info.details().get("children"));
            }
        }
        n.share(PeerId.of(39), Fixtures.file("Rare Bird - Evening Song.mp3"));
        Fixtures.awaitIndexed(n, 1);
        SearchResult r = Fixtures.search(n, 20, "rare bird", 0);
        assertEquals(1, r.hits().size(), r.toString());
        assertEquals(PeerId.of(39), r.hits().get(0).holder());
        assertFalse(r.timedOut());
    }

    @Test
    void aDownloadGoesDirectlyFromHolderToAskerAndIsHashVerified() throws TimeoutException {
        KazaaNetwork n = build(20, Map.of("supernode-ratio", "0.1"));
        Content c = new p2plab.common.content.BytesContent("Big Sky - Open Road.ogg", new byte[300_000]);
        n.share(PeerId.of(17), c);
        Fixtures.awaitIndexed(n, 1);
        SearchResult r = Fixtures.search(n, 12, "open road", 0);
        assertEquals(1, r.hits().size(), r + " " + n.topology());
        TransferResult t = transport.await(n.download(PeerId.of(12), c.id()), Fixtures.WAIT);
        assertTrue(t.verified());
        assertEquals(300_000, t.bytes());
        assertEquals(List.of(new TransferResult.Source(PeerId.of(17), 300_000)), t.sources());
        assertEquals(5, sent(n, PeerId.of(17), "kazaa/DownloadData"), "300,000 bytes in 64 KiB chunks, from the holder");
        for (PeerId s : n.supernodes()) {
            assertEquals(0, sent(n, s, "kazaa/DownloadData") + sent(n, s, "kazaa/DownloadRequest"), "supernode " + s + " took no part");
        }
    }

    @Test
    void childrenOfACrashedSupernodeReattachAndBecomeSearchableAgain() throws TimeoutException {
        KazaaNetwork n = build(44, Map.of("supernode-ratio", "0.1"));
        PeerId victim = n.supernodes().get(0);
        List<Integer> children = n.status(victim).children();
        assertEquals(10, children.size());
        for (int c : children) {
            n.share(PeerId.of(c), Fixtures.file("orphan " + c + " tune.mp3"));
        }
        Fixtures.awaitIndexed(n, children.size());
        n.kill(victim);
        PeerId asker = PeerId.of(n.status(n.supernodes().get(1)).children().get(0));
        SearchResult during = Fixtures.search(n, asker.value(), "tune", 0);
        assertTrue(during.hits().size() <= children.size(), "search during the failover completes");
        transport.advance(Duration.ofSeconds(1).plus(n.settings().failoverBound()));
        for (int c : children) {
            int parent = n.status(PeerId.of(c)).parent();
            assertTrue(parent >= 0 && parent != victim.value(), "peer " + c + " re-attached, parent " + parent);
        }
        SearchResult after = Fixtures.search(n, asker.value(), "tune", 0);
        Set<Integer> holders = new HashSet<>();
        for (Hit h : after.hits()) {
            holders.add(h.holder().value());
        }
        assertEquals(new HashSet<>(children), holders);
    }

    @Test
    void ordinaryNodesNeverReceiveAQueryNorHoldOthersMetadata() throws TimeoutException {
        KazaaNetwork n = build(30, Map.of("supernode-ratio", "0.1"));
        for (int p = 3; p < 30; p++) {
            n.share(PeerId.of(p), Fixtures.file("lake " + p + " song.mp3"));
        }
        Fixtures.awaitIndexed(n, 27);
        for (int asker = 3; asker < 30; asker += 5) {
            assertEquals(26, Fixtures.search(n, asker, "lake song", 0).hits().size());
        }
        for (PeerId p : n.peers()) {
            boolean supernode = n.supernodes().contains(p);
            var counts = n.transport().metrics().peer(p.label());
            var queries = counts.get("kazaa/Query");
            long received = queries == null ? 0 : queries.messagesReceived();
            if (supernode) {
                assertTrue(received > 0, "supernode " + p + " took part");
            } else {
                assertEquals(0, received, "ordinary node " + p + " received a query");
                assertEquals(0, n.status(p).indexedFiles(), "ordinary node " + p + " indexes nothing");
                assertTrue(counts.get("kazaa/FileList") == null || counts.get("kazaa/FileList").messagesReceived() == 0);
            }
        }
    }

    private static long sent(KazaaNetwork n, PeerId p, String type) {
        var c = n.transport().metrics().peer(p.label()).get(type);
        return c == null ? 0 : c.messagesSent();
    }
}
