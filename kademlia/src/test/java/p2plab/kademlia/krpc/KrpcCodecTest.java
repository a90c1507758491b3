package p2plab.kademlia.krpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.krpc.KrpcMessage.AnnouncePeer;
import p2plab.kademlia.krpc.KrpcMessage.FindNode;
import p2plab.kademlia.krpc.KrpcMessage.GetPeers;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Malformed;
import p2plab.kademlia.krpc.KrpcMessage.Ping;
import p2plab.kademlia.krpc.KrpcMessage.Response;

/** The examples of BEP 5, byte for byte, both ways; and what a strict decoder makes of bad datagrams. */
class KrpcCodecTest {
    private static final byte[] AA = ascii("aa");
    private static final NodeId ABC = NodeId.of(ascii("abcdefghij0123456789"));
    private static final NodeId MNO = NodeId.of(ascii("mnopqrstuvwxyz123456"));
    private final KrpcCodec bep5 = new KrpcCodec(null);
    private final KrpcCodec ours = new KrpcCodec();

    @Test
    void theQueriesOfBep5EncodeToItsExamplesAndBack() {
        assertBoth("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe", new Ping(AA, ABC));
        assertBoth("d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz123456e1:q9:find_node1:t2:aa1:y1:qe",
                new FindNode(AA, ABC, MNO));
        assertBoth("d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz123456e1:q9:get_peers1:t2:aa1:y1:qe",
                new GetPeers(AA, ABC, MNO));
        assertBoth("d1:ad2:id20:abcdefghij012345678912:implied_porti1e9:info_hash20:mnopqrstuvwxyz1234564:porti6881e"
                + "5:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe", new AnnouncePeer(AA, ABC, MNO, 6881, ascii("aoeusnth"), true));
    }

    @Test
    void theAnswersOfBep5EncodeToItsExamplesAndBack() {
        assertBoth("d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re", Response.of(AA, MNO));
        assertBoth("d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee", new KrpcError(AA, 201, "A Generic Error Ocurred"));
        Response values = (Response) bep5.decode(ascii("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re"));
        assertEquals(List.of(Address.ofIpv4(ascii("axje"), ('.' << 8) | 'u'), Address.ofIpv4(ascii("idht"), ('n' << 8) | 'm')), values.values());
        assertArrayEquals(ascii("aoeusnth"), values.token());
        assertEquals("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re",
                new String(bep5.encode(values), StandardCharsets.ISO_8859_1));
    }

    @Test
    void compactNodeInfoIs26BytesAndCompactPeerInfo6() {
        Contact c = new Contact(MNO, new Address("127.0.0.1", 6881));
        byte[] nodes = KrpcCodec.compactNodes(List.of(c, c));
        assertEquals(52, nodes.length);
        assertArrayEquals(new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1}, KrpcCodec.compactPeer(c.address()));
        assertEquals(List.of(c, c), KrpcCodec.contacts(nodes));
        Response r = new Response(AA, ABC, List.of(c), List.of(), ascii("tok"));
        Response back = (Response) ours.decode(ours.encode(r));
        assertEquals(List.of(c), back.nodes());
    }

    @Test
    void ourMessagesCarryOurVersionAndOthersVersionsAreIgnored() {
        String encoded = new String(ours.encode(new Ping(AA, ABC)), StandardCharsets.ISO_8859_1);
        assertTrue(encoded.contains("1:v4:PL\0\1"), encoded);
        assertInstanceOf(Ping.class, bep5.decode(ascii("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:v4:LT\0\1" + "1:y1:qe")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated bencode | d1:ad2:id20:abcdefghij0123 | not bencode | false | 0",
        "not a dictionary | l4:pinge | not a dictionary | false | 0",
        "id is an integer | d1:ad2:idi42ee1:q4:ping1:t2:aa1:y1:qe | id not a string | true | 203",
        "id too short | d1:ad2:id3:abce1:q4:ping1:t2:aa1:y1:qe | id not 20 bytes | true | 203",
        "a is a list | d1:ale1:q4:ping1:t2:aa1:y1:qe | a not a dictionary | true | 203",
        "no a | d1:q4:ping1:t2:aa1:y1:qe | missing a | true | 203",
        "unknown method | d1:ad2:id20:abcdefghij0123456789e1:q4:vote1:t2:aa1:y1:qe | unknown method | true | 204",
        "t is an integer | d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:ti7e1:y1:qe | t not a string | true | 203",
        "no t | d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:y1:qe | missing t | true | 203",
        "unknown y | d1:t2:aa1:y1:xe | unknown y | false | 203",
        "nodes not 26n bytes | d1:rd2:id20:mnopqrstuvwxyz1234565:nodes3:abce1:t2:aa1:y1:re | bad nodes | false | 203",
        "value not 6 bytes | d1:rd2:id20:mnopqrstuvwxyz1234566:valuesl2:abee1:t2:aa1:y1:re | bad values | false | 203",
        "port out of range | d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti70000e5:token1:xe1:q13:announce_peer1:t2:aa1:y1:qe | bad port | true | 203",
        "error without code | d1:el23:A Generic Error Ocurrede1:t2:aa1:y1:ee | bad e | false | 203",
    })
    void aBadDatagramBecomesMalformedWithItsReason(String what, String bytes, String reason, boolean query, int code) {
        Malformed m = assertInstanceOf(Malformed.class, bep5.decode(ascii(bytes)), what);
        assertEquals(reason, m.reason());
        assertEquals(query, m.query());
        if (query) {
            assertEquals(code, m.code());
        }
    }

    @Test
    void aTransactionIdOf200BytesIsNotEchoed() {
        String t = "x".repeat(200);
        Malformed m = assertInstanceOf(Malformed.class,
                bep5.decode(ascii("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t200:" + t + "1:y1:qe")));
        assertEquals("t too long", m.reason());
        assertNull(m.t());
    }

    @Test
    void aDatagramOverTheLimitIsMalformedNotAnException() {
        byte[] big = ascii("d1:t2:aa1:y1:q1:q4:ping1:ad2:id20:abcdefghij01234567895:extra" + 2000 + ":" + "z".repeat(2000) + "ee");
        assertEquals("not bencode", assertInstanceOf(Malformed.class, bep5.decode(big)).reason());
    }

    @Test
    void sizeOfCountsExactlyTheEncodedBytes() {
        Contact c = new Contact(MNO, new Address("127.0.3.200", 6881));
        List<KrpcMessage> all = List.of(new Ping(AA, ABC), new FindNode(AA, ABC, MNO), new GetPeers(ascii("xyz"), ABC, MNO),
                new AnnouncePeer(AA, ABC, MNO, 65535, ascii("aoeusnth"), true), new AnnouncePeer(AA, ABC, MNO, 7, new byte[20], false),
                Response.of(AA, MNO), new Response(AA, ABC, java.util.Collections.nCopies(8, c), List.of(), new byte[20]),
                new Response(AA, ABC, List.of(), java.util.Collections.nCopies(50, c.address()), ascii("tok")),
                new KrpcError(AA, 203, "Protocol Error: caf\u00e9"));
        for (KrpcMessage m : all) {
            assertEquals(ours.encode(m).length, ours.sizeOf(m), m.toString());
            assertEquals(bep5.encode(m).length, bep5.sizeOf(m), m.toString());
        }
    }

    private void assertBoth(String wire, KrpcMessage m) {
        assertEquals(wire, new String(bep5.encode(m), StandardCharsets.ISO_8859_1));
        KrpcMessage back = bep5.decode(ascii(wire));
        assertEquals(m.getClass(), back.getClass());
        assertEquals(wire, new String(bep5.encode(back), StandardCharsets.ISO_8859_1));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
