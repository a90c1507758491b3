package p2plab.kademlia.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kademlia.KademliaNetwork;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Response;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * Bad KRPC from a plain UDP socket: each datagram gets an error answer or is dropped, is
 * counted by its reason, and the node goes on answering well-formed queries.
 */
class MalformedKrpcOverUdpTest {
    private static final String PING = "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:ok1:y1:qe";
    private final KrpcCodec codec = new KrpcCodec(null);
    private TcpTransport transport;
    private KademliaNetwork network;
    private DatagramSocket socket;

    @BeforeEach
    void start() throws Exception {
        transport = new TcpTransport(TcpOptions.defaults().withIoThreads(1));
        network = KademliaNetwork.start(NetworkSpec.of("malformed", 1, 1).withOptions(Map.of("refresh", "off")), transport,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
        socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        socket.setSoTimeout(1_000);
    }

    @AfterEach
    void stop() {
        socket.close();
        network.close();
        transport.close();
    }

    @Test
    void badDatagramsAreAnsweredWithErrorsOrDroppedAndTheNodeKeepsAnswering() throws Exception {
        assertNull(send("d1:ad2:id20:abcdefgh"), "truncated bencode: dropped (no transaction id to answer)");
        assertEquals(203, assertInstanceOf(KrpcError.class, send("d1:ad2:idi42ee1:q4:ping1:t2:w11:y1:qe")).code(), "id of the wrong type");
        assertNull(send("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t200:" + "t".repeat(200) + "1:y1:qe"), "200-byte t: dropped");
        KrpcError unknown = assertInstanceOf(KrpcError.class, send("d1:ad2:id20:abcdefghij0123456789e1:q4:vote1:t2:u11:y1:qe"));
        assertEquals(204, unknown.code());
        assertEquals("u1", new String(unknown.t(), StandardCharsets.ISO_8859_1));

        Response pong = assertInstanceOf(Response.class, send(PING));
        assertEquals("ok", new String(pong.t(), StandardCharsets.ISO_8859_1));

        DhtNode node = network.dht(PeerId.of(0));
        CompletableFuture<Map<String, Long>> counts = new CompletableFuture<>();
        node.node().execute(() -> counts.complete(node.malformed()));
        assertEquals(Map.of("not bencode", 1L, "id not a string", 1L, "t too long", 1L, "unknown method", 1L),
                transport.await(counts, Duration.ofSeconds(5)));
    }

    /** Sends {@code text} to node 0 and returns its answer, or null when none comes within a second. */
    private KrpcMessage send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        var to = network.dht(PeerId.of(0)).node().address();
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(to.host()), to.port()));
        byte[] buffer = new byte[2048];
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return codec.decode(java.util.Arrays.copyOf(buffer, in.getLength()));
    }
}
