package p2plab.kademlia.krpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import p2plab.common.bencode.Bencode;
import p2plab.common.bencode.BencodeException;
import p2plab.common.transport.Address;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.Utf8;
import p2plab.common.transport.WireFormat;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.krpc.KrpcMessage.AnnouncePeer;
import p2plab.kademlia.krpc.KrpcMessage.FindNode;
import p2plab.kademlia.krpc.KrpcMessage.GetPeers;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Malformed;
import p2plab.kademlia.krpc.KrpcMessage.Ping;
import p2plab.kademlia.krpc.KrpcMessage.Response;

/**
 * BEP 5's KRPC, strictly: bencoded dictionaries, one a datagram. Decoding never throws: bytes
 * that are not a valid message become a {@link Malformed} with its reason (and, when it was a
 * query with a usable {@code t}, the error code to answer with), so the peer can count it, answer
 * it and go on. Keys this codec does not know are ignored, as BEP 5 asks of extensions.
 *
 * <pre>
 *   compact node info  20-byte id, 4-byte IPv4, 2-byte port (big-endian)  = 26 bytes
 *   compact peer info  4-byte IPv4, 2-byte port                            =  6 bytes
 * </pre>
 */
public final class KrpcCodec implements WireFormat<KrpcMessage> {
    /** Largest datagram sent or taken; BEP 5 messages stay far below (8 nodes: 208 bytes of contacts). */
    public static final int MAX_DATAGRAM = 1_472;
    /** A transaction id longer than this is not answered (it would only be echoed back at length). */
    public static final int MAX_TRANSACTION_ID = 16;
    public static final int MAX_TOKEN = 64;
    public static final int NODE_INFO = 26;
    public static final int PEER_INFO = 6;
    /** Our client's "v": two letters and a version (BEP 20's style). */
    public static final byte[] VERSION = {'P', 'L', 0, 1};
    /** Bytes of file in one {@link KrpcMessage.Block}: with its headers, well inside one datagram. */
    public static final int BLOCK = 1_024;
    public static final List<String> TYPES = List.of("ping", "find_node", "get_peers", "announce_peer", "response", "error",
            "malformed", "p2plab_block", "block");

    private final byte[] version;

    /** Writes our {@link #VERSION} into every message. */
    public KrpcCodec() {
        this(VERSION);
    }

    /** Writes {@code version} as "v", or no "v" at all when null (BEP 5's examples have none). */
    public KrpcCodec(byte[] version) {
        this.version = version == null ? null : version.clone();
    }

    @Override
    public String overlay() {
        return "kademlia";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(KrpcMessage m) {
        if (m instanceof Ping) {
            return 0;
        } else if (m instanceof FindNode) {
            return 1;
        } else if (m instanceof GetPeers) {
            return 2;
        } else if (m instanceof AnnouncePeer) {
            return 3;
        } else if (m instanceof Response) {
            return 4;
        } else if (m instanceof KrpcError) {
            return 5;
        } else if (m instanceof KrpcMessage.GetBlock) {
            return 7;
        } else if (m instanceof KrpcMessage.Block) {
            return 8;
        }
        return 6;
    }

    @Override
    public int maxDatagramBytes() {
        return MAX_DATAGRAM;
    }

    // ---- encoding ----

    @Override
    public byte[] encode(KrpcMessage m) {
        Map<String, Object> d = new TreeMap<>();
        d.put("t", m.t());
        if (version != null) {
            d.put("v", version);
        }
        if (m instanceof KrpcMessage.Query q) {
            d.put("y", "q");
            d.put("q", q.method());
            d.put("a", arguments(q));
        } else if (m instanceof Response r) {
            d.put("y", "r");
            Map<String, Object> body = new TreeMap<>();
            body.put("id", r.sender().bytes());
            if (!r.nodes().isEmpty()) {
                body.put("nodes", compactNodes(r.nodes()));
            }
            if (!r.values().isEmpty()) {
                List<Object> values = new ArrayList<>();
                for (Address a : r.values()) {
                    values.add(compactPeer(a));
                }
                body.put("values", values);
            }
            if (r.token() != null) {
                body.put("token", r.token());
            }
            d.put("r", body);
        } else if (m instanceof KrpcError e) {
            d.put("y", "e");
            d.put("e", List.of((long) e.code(), e.message()));
        } else if (m instanceof KrpcMessage.Block b) {
            d.put("y", "r");
            Map<String, Object> body = new TreeMap<>();
            body.put("id", b.sender().bytes());
            body.put("data", b.data());
            body.put("size", b.size());
            d.put("r", body);
        } else {
            throw new IllegalArgumentException("a malformed message is only ever received: " + ((Malformed) m).reason());
        }
        return Bencode.encode(d);
    }

    private static Map<String, Object> arguments(KrpcMessage.Query q) {
        Map<String, Object> a = new TreeMap<>();
        a.put("id", q.sender().bytes());
        if (q instanceof FindNode f) {
            a.put("target", f.target().bytes());
        } else if (q instanceof GetPeers g) {
            a.put("info_hash", g.infoHash().bytes());
        } else if (q instanceof KrpcMessage.GetBlock g) {
            a.put("content", g.content());
            a.put("index", (long) g.index());
        } else if (q instanceof AnnouncePeer an) {
            a.put("info_hash", an.infoHash().bytes());
            a.put("port", (long) an.port());
            a.put("token", an.token());
            if (an.impliedPort()) {
                a.put("implied_port", 1L);
            }
        }
        return a;
    }

    public static byte[] compactNodes(List<Contact> nodes) {
        ByteBuffer b = ByteBuffer.allocate(nodes.size() * NODE_INFO);
        for (Contact c : nodes) {
            b.put(c.id().bytes()).put(compactPeer(c.address()));
        }
        return b.array();
    }

    public static byte[] compactPeer(Address a) {
        return ByteBuffer.allocate(PEER_INFO).put(a.ipv4()).putShort((short) a.port()).array();
    }

    /**
     * The encoded length, counted without encoding: the simulator asks for every message it
     * carries, and building the bencode just to measure it would dominate a large run.
     */
    @Override
    public int sizeOf(KrpcMessage m) {
        int size = 2 + entry("t", str(m.t().length)) + entry("y", str(1));
        if (version != null) {
            size += entry("v", str(version.length));
        }
        if (m instanceof KrpcMessage.Query q) {
            int a = 2 + entry("id", str(NodeId.BYTES));
            if (q instanceof FindNode) {
                a += entry("target", str(NodeId.BYTES));
            } else if (q instanceof GetPeers) {
                a += entry("info_hash", str(NodeId.BYTES));
            } else if (q instanceof KrpcMessage.GetBlock g) {
                a += entry("content", str(g.content().length)) + entry("index", integer(g.index()));
            } else if (q instanceof AnnouncePeer an) {
                a += entry("info_hash", str(NodeId.BYTES)) + entry("port", integer(an.port())) + entry("token", str(an.token().length));
                if (an.impliedPort()) {
                    a += entry("implied_port", integer(1));
                }
            }
            return size + entry("q", str(q.method().length())) + entry("a", a);
        } else if (m instanceof Response r) {
            int body = 2 + entry("id", str(NodeId.BYTES));
            if (!r.nodes().isEmpty()) {
                body += entry("nodes", str(r.nodes().size() * NODE_INFO));
            }
            if (!r.values().isEmpty()) {
                body += entry("values", 2 + r.values().size() * str(PEER_INFO));
            }
            if (r.token() != null) {
                body += entry("token", str(r.token().length));
            }
            return size + entry("r", body);
        } else if (m instanceof KrpcMessage.Block b) {
            return size + entry("r", 2 + entry("id", str(NodeId.BYTES)) + entry("data", str(b.data().length)) + entry("size", integer(b.size())));
        } else if (m instanceof KrpcError e) {
            return size + entry("e", 2 + integer(e.code()) + str(e.message().getBytes(StandardCharsets.UTF_8).length));
        }
        throw new IllegalArgumentException("a malformed message is only ever received");
    }

    private static int entry(String key, int valueSize) {
        return str(key.length()) + valueSize;
    }

    private static int str(int length) {
        return Utf8.decimalLength(length) + 1 + length;
    }

    private static int integer(long v) {
        return Utf8.decimalLength(v) + 2;
    }

    // ---- decoding ----

    /** Datagrams only: KRPC has no framing of its own, so a byte stream of it cannot be cut. */
    @Override
    public FrameDecoder<KrpcMessage> newDecoder() {
        return in -> {
            throw new MalformedFrameException("KRPC travels in UDP datagrams, not on connections");
        };
    }

    @Override
    public KrpcMessage decodeDatagram(ByteBuffer datagram) {
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(bytes);
        return decode(bytes);
    }

    /** One datagram's bytes to a message; never throws. */
    public KrpcMessage decode(byte[] bytes) {
        Object value;
        try {
            value = Bencode.decode(bytes, MAX_DATAGRAM, 4);
        } catch (BencodeException e) {
            return new Malformed(null, false, ErrorCode.PROTOCOL, "not bencode");
        }
        if (!(value instanceof Map<?, ?>)) {
            return new Malformed(null, false, ErrorCode.PROTOCOL, "not a dictionary");
        }
        Map<String, Object> d = Bencode.dict(value, "message");
        byte[] t = d.get("t") instanceof byte[] b && b.length <= MAX_TRANSACTION_ID ? b : null;
        boolean query = bytesEqual(d.get("y"), "q");
        try {
            if (d.get("t") == null) {
                throw new Bad("missing t");
            }
            if (t == null) {
                throw new Bad(d.get("t") instanceof byte[] ? "t too long" : "t not a string");
            }
            Object y = d.get("y");
            if (query) {
                return query(t, d);
            }
            if (bytesEqual(y, "r")) {
                return response(t, d);
            }
            if (bytesEqual(y, "e")) {
                return error(t, d);
            }
            throw new Bad(y == null ? "missing y" : "unknown y");
        } catch (Bad e) {
            return new Malformed(t, query, e.code, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Malformed(t, query, ErrorCode.PROTOCOL, "bad field");
        }
    }

    private static KrpcMessage query(byte[] t, Map<String, Object> d) throws Bad {
        if (!(d.get("q") instanceof byte[] q)) {
            throw new Bad(d.containsKey("q") ? "q not a string" : "missing q");
        }
        if (!(d.get("a") instanceof Map<?, ?>)) {
            throw new Bad(d.containsKey("a") ? "a not a dictionary" : "missing a");
        }
        Map<String, Object> a = Bencode.dict(d.get("a"), "a");
        String method = new String(q, StandardCharsets.ISO_8859_1);
        NodeId sender = id(a, "id");
        return switch (method) {
            case "ping" -> new Ping(t, sender);
            case "find_node" -> new FindNode(t, sender, id(a, "target"));
            case "get_peers" -> new GetPeers(t, sender, id(a, "info_hash"));
            case "announce_peer" -> announce(t, sender, a);
            case "p2plab_block" -> getBlock(t, sender, a);
            default -> throw new Bad(ErrorCode.METHOD_UNKNOWN, "unknown method");
        };
    }

    private static AnnouncePeer announce(byte[] t, NodeId sender, Map<String, Object> a) throws Bad {
        NodeId infoHash = id(a, "info_hash");
        boolean implied = false;
        if (a.containsKey("implied_port")) {
            long ip = integer(a, "implied_port");
            if (ip != 0 && ip != 1) {
                throw new Bad("bad implied_port");
            }
            implied = ip == 1;
        }
        long port = integer(a, "port");
        if (!implied && (port < 1 || port > 65535)) {
            throw new Bad("bad port");
        }
        if (!(a.get("token") instanceof byte[] token) || token.length == 0 || token.length > MAX_TOKEN) {
            throw new Bad("bad token field");
        }
        return new AnnouncePeer(t, sender, infoHash, (int) Math.max(0, Math.min(65535, port)), token, implied);
    }

    private static KrpcMessage.GetBlock getBlock(byte[] t, NodeId sender, Map<String, Object> a) throws Bad {
        if (!(a.get("content") instanceof byte[] content) || content.length != 32) {
            throw new Bad("bad content");
        }
        long index = integer(a, "index");
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new Bad("bad index");
        }
        return new KrpcMessage.GetBlock(t, sender, content, (int) index);
    }

    private static KrpcMessage.Block block(byte[] t, NodeId sender, Map<String, Object> r) throws Bad {
        if (!(r.get("data") instanceof byte[] data) || data.length > BLOCK) {
            throw new Bad("bad data");
        }
        long size = integer(r, "size");
        if (size < 0) {
            throw new Bad("bad size");
        }
        return new KrpcMessage.Block(t, sender, data, size);
    }

    private static KrpcMessage response(byte[] t, Map<String, Object> d) throws Bad {
        if (!(d.get("r") instanceof Map<?, ?>)) {
            throw new Bad(d.containsKey("r") ? "r not a dictionary" : "missing r");
        }
        Map<String, Object> r = Bencode.dict(d.get("r"), "r");
        NodeId sender = id(r, "id");
        if (r.containsKey("data")) {
            return block(t, sender, r);
        }
        List<Contact> nodes = List.of();
        if (r.containsKey("nodes")) {
            if (!(r.get("nodes") instanceof byte[] n) || n.length % NODE_INFO != 0) {
                throw new Bad("bad nodes");
            }
            nodes = contacts(n);
        }
        List<Address> values = new ArrayList<>();
        if (r.containsKey("values")) {
            if (!(r.get("values") instanceof List<?> list)) {
                throw new Bad("bad values");
            }
            for (Object v : list) {
                if (!(v instanceof byte[] p) || p.length != PEER_INFO) {
                    throw new Bad("bad values");
                }
                values.add(peer(p, 0));
            }
        }
        byte[] token = null;
        if (r.containsKey("token")) {
            if (!(r.get("token") instanceof byte[] tok) || tok.length > MAX_TOKEN) {
                throw new Bad("bad token field");
            }
            token = tok;
        }
        return new Response(t, sender, nodes, values, token);
    }

    private static KrpcError error(byte[] t, Map<String, Object> d) throws Bad {
        if (!(d.get("e") instanceof List<?> e) || e.size() < 2 || !(e.get(0) instanceof Long code) || !(e.get(1) instanceof byte[] text)) {
            throw new Bad("bad e");
        }
        return new KrpcError(t, (int) Math.max(0, Math.min(999, code)), new String(text, StandardCharsets.UTF_8));
    }

    /** Compact node infos, 26 bytes each. */
    public static List<Contact> contacts(byte[] n) {
        List<Contact> out = new ArrayList<>(n.length / NODE_INFO);
        for (int at = 0; at + NODE_INFO <= n.length; at += NODE_INFO) {
            byte[] id = new byte[NodeId.BYTES];
            System.arraycopy(n, at, id, 0, NodeId.BYTES);
            out.add(new Contact(NodeId.of(id), peer(n, at + NodeId.BYTES)));
        }
        return out;
    }

    private static Address peer(byte[] b, int at) {
        byte[] ip = {b[at], b[at + 1], b[at + 2], b[at + 3]};
        return Address.ofIpv4(ip, ((b[at + 4] & 0xff) << 8) | (b[at + 5] & 0xff));
    }

    private static NodeId id(Map<String, Object> m, String key) throws Bad {
        if (!(m.get(key) instanceof byte[] b)) {
            throw new Bad(m.containsKey(key) ? key + " not a string" : "missing " + key);
        }
        if (b.length != NodeId.BYTES) {
            throw new Bad(key + " not 20 bytes");
        }
        return NodeId.of(b);
    }

    private static long integer(Map<String, Object> m, String key) throws Bad {
        if (!(m.get(key) instanceof Long v)) {
            throw new Bad(m.containsKey(key) ? key + " not an integer" : "missing " + key);
        }
        return v;
    }

    private static boolean bytesEqual(Object value, String text) {
        return value instanceof byte[] b && new String(b, StandardCharsets.ISO_8859_1).equals(text);
    }

    /** Why a message is malformed, in a few fixed words (the peer counts by them). */
    private static final class Bad extends Exception {
        final int code;

        Bad(String reason) {
            this(ErrorCode.PROTOCOL, reason);
        }

        Bad(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }
}
