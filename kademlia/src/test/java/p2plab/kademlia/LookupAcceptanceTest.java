package p2plab.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.Transport;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;

/**
 * The acceptance on 1,000 nodes, written once and run on both drivers: every lookup
 * for an announced key succeeds in at most log2(1,000) rounds on average; with 20% of the
 * nodes crashed without warning, at least 95% still succeed once the dead nodes have timed out.
 */
public abstract class LookupAcceptanceTest {
    private static final int NODES = 1_000;
    private static final Duration WAIT = Duration.ofMinutes(10);

    private Transport transport;
    private KademliaNetwork network;

    protected abstract Transport newTransport(long seed);

    /** Query timeout for this driver: virtual seconds cost nothing, real ones do. */
    protected abstract String queryTimeoutMillis();

    @AfterEach
    void close() {
        if (network != null) {
            network.close();
        }
        transport.close();
    }

    @Test
    void everyLookupForAnAnnouncedKeySucceedsWithinLog2NRoundsOnAverage() throws TimeoutException {
        start(1);
        SplittableRandom random = new SplittableRandom(7);
        Map<NodeId, Address> announced = announceKeys(20, random);

        List<LookupResult> results = lookups(announced, 100, random);

        double meanRounds = 0;
        for (LookupResult r : results) {
            assertTrue(r.peers().contains(announced.get(r.target())), "lookup for " + r.target().shortHex() + " found " + r.peers());
            meanRounds += r.rounds() / (double) results.size();
        }
        assertTrue(meanRounds <= Math.log(NODES) / Math.log(2), "mean rounds " + meanRounds + " > log2(1000)");
    }

    @Test
    void withOneNodeInFiveCrashedLookupsStillSucceedOnceTheDeadHaveTimedOut() throws TimeoutException {
        start(2);
        SplittableRandom random = new SplittableRandom(11);
        Map<NodeId, Address> announced = announceKeys(20, random);
        List<PeerId> victims = new ArrayList<>(network.peers());
        java.util.Collections.shuffle(victims, new java.util.Random(3));
        for (PeerId p : victims.subList(0, NODES / 5)) {
            network.kill(p);
        }
        lookups(announced, 100, random);   // these meet the dead, time out on them and mark them

        List<LookupResult> results = lookups(announced, 200, random);

        long found = results.stream().filter(r -> r.peers().contains(announced.get(r.target()))).count();
        assertTrue(found >= 0.95 * results.size(), found + " of " + results.size() + " lookups found the holder");
    }

    private void start(long seed) {
        transport = newTransport(seed);
        network = KademliaNetwork.start(NetworkSpec.of("acceptance", NODES, seed)
                .withOptions(Map.of("query-timeout", queryTimeoutMillis(), "refresh", "off")), transport,
                p2plab.kademlia.routing.BucketPolicies.bep5(), p2plab.kademlia.lookup.NextHopPolicy.closestFirst());
    }

    /** Announces {@code n} random keys, each from a random peer; returns each key's holder. */
    private Map<NodeId, Address> announceKeys(int n, SplittableRandom random) throws TimeoutException {
        Map<NodeId, Address> holders = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            PeerId from = PeerId.of(random.nextInt(NODES));
            NodeId key = NodeId.random(random);
            int accepted = transport.await(network.announce(from, key), WAIT).accepted();
            assertEquals(8, accepted, "announce of " + key.shortHex() + " stored at k nodes");
            Address where = network.dht(from).node().address();
            holders.put(key, where);
        }
        return holders;
    }

    /** {@code n} get_peers lookups of announced keys from random live peers, all at once. */
    private List<LookupResult> lookups(Map<NodeId, Address> announced, int n, SplittableRandom random) throws TimeoutException {
        List<NodeId> keys = new ArrayList<>(announced.keySet());
        List<PeerId> alive = new ArrayList<>();
        for (PeerId p : network.peers()) {
            if (network.dht(p).node().isAlive()) {
                alive.add(p);
            }
        }
        List<CompletableFuture<LookupResult>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            running.add(network.lookup(alive.get(random.nextInt(alive.size())), keys.get(random.nextInt(keys.size())), true, null));
        }
        transport.await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)), WAIT);
        return running.stream().map(CompletableFuture::join).toList();
    }
}
