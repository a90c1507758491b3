package p2plab.kademlia.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kademlia.KademliaNetwork;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/** Our DHT and libtorrent's share one DHT on 127.0.0.1: 20 of our nodes and one libtorrent node. */
class LibtorrentDhtTest {
    private static final int OURS = 20;

    @TempDir
    Path dir;
    private TcpTransport transport;
    private KademliaNetwork network;
    private LibtorrentDht libtorrent;
    private int libtorrentPort;

    @BeforeEach
    void start() throws Exception {
        LibtorrentDht.requireLibtorrent();
        transport = new TcpTransport(TcpOptions.defaults().withSeed(3).withIoThreads(2));
        network = KademliaNetwork.start(NetworkSpec.of("interop", OURS, 3).withOptions(Map.of("refresh", "off")), transport,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
        libtorrentPort = freeUdpAndTcpPort();
        libtorrent = LibtorrentDht.start(libtorrentPort, address(PeerId.of(0)).toString(), dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (libtorrent != null) {
            libtorrent.close();
        }
        if (network != null) {
            network.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    /**
     * Our nodes libtorrent must have learned (beyond the one it bootstrapped from) before it counts
     * as part of our DHT. Not 8: on loopback libtorrent sometimes settles at 7 of our 20 nodes
     * (seen here), which is plenty for its lookups to reach ours.
     */
    private static final int ENOUGH_OF_OURS = 5;

    @Test
    void libtorrentBootstrapsFromOneOfOursAndHasOurNodesInItsTable() throws Exception {
        Set<String> ourPorts = new HashSet<>();
        for (PeerId p : network.peers()) {
            ourPorts.add(Integer.toString(address(p).port()));
        }
        List<String> inTable = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String[] words = libtorrent.ask("table", "table", 10).split(" ");
            inTable = Arrays.asList(words).subList(2, words.length);
            if (inTable.size() >= ENOUGH_OF_OURS) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(inTable.size() >= ENOUGH_OF_OURS, "libtorrent's table holds " + inTable + "\n" + libtorrent.log());
        assertTrue(ourPorts.containsAll(inTable), "every node in libtorrent's table is one of ours: " + inTable);
    }

    @Test
    void whatLibtorrentAnnouncesOurLookupFinds() throws Exception {
        NodeId infoHash = NodeId.sha1("announced by libtorrent");
        waitUntilLibtorrentKnowsUs();
        libtorrent.ask("announce " + infoHash.hex(), "announced", 30);

        Address expected = new Address("127.0.0.1", libtorrentPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LookupResult r = null;
        while (System.nanoTime() < deadline) {
            r = transport.await(network.lookup(PeerId.of(5), infoHash, true, null), Duration.ofSeconds(30));
            if (r.peers().contains(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        fail("our get_peers found " + (r == null ? "nothing" : r.peers()) + ", not libtorrent at " + expected + "\n" + libtorrent.log());
    }

    @Test
    void whatWeAnnounceLibtorrentsGetPeersFinds() throws Exception {
        NodeId infoHash = NodeId.sha1("announced by us");
        waitUntilLibtorrentKnowsUs();
        int accepted = transport.await(network.announce(PeerId.of(7), infoHash), Duration.ofSeconds(30)).accepted();
        assertTrue(accepted >= 1, "our announce was stored at " + accepted + " nodes");

        String expected = "127.0.0.1:" + address(PeerId.of(7)).port();
        String answer = libtorrent.ask("get_peers " + infoHash.hex(), "peers", 30);
        assertTrue(Arrays.asList(answer.split(" ")).contains(expected), "libtorrent's get_peers gave '" + answer + "', not " + expected);
    }

    private void waitUntilLibtorrentKnowsUs() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String[] words = libtorrent.ask("table", "table", 10).split(" ");
            if (words.length - 2 >= ENOUGH_OF_OURS) {
                return;
            }
            Thread.sleep(300);
        }
        fail("libtorrent never had " + ENOUGH_OF_OURS + " of our nodes in its table\n" + libtorrent.log());
    }

    private Address address(PeerId p) {
        return network.dht(p).node().address();
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (libtorrent's DHT uses its listen port). */
    private static int freeUdpAndTcpPort() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                int port = udp.getLocalPort();
                try (java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                    return port;
                } catch (java.io.IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1");
    }
}
