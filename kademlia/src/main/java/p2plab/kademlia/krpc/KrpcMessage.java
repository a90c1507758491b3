package p2plab.kademlia.krpc;

import java.util.List;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * One KRPC message of BEP 5: a bencoded dictionary in one UDP datagram. Every message carries
 * the transaction id {@code t} that ties a response or error to its query.
 *
 * <pre>
 *   query     {"t": "aa", "y": "q", "q": "find_node", "a": {"id": ..., "target": ...}}
 *   response  {"t": "aa", "y": "r", "r": {"id": ..., "nodes": 26 bytes a node}}
 *   error     {"t": "aa", "y": "e", "e": [203, "Protocol Error"]}
 * </pre>
 */
public sealed interface KrpcMessage {

    /** The transaction id, as the querier chose it (null only in a malformed message without one). */
    byte[] t();

    /** A query: it asks the receiver something, and tells who asks. */
    sealed interface Query extends KrpcMessage {
        NodeId sender();

        /** The {@code q} field: {@code "ping"}, {@code "find_node"}, ... */
        String method();
    }

    /** "Are you there?" Answered with the responder's id. */
    record Ping(byte[] t, NodeId sender) implements Query {
        @Override
        public String method() {
            return "ping";
        }
    }

    /** "Which nodes do you know closest to {@code target}?" Answered with up to k contacts. */
    record FindNode(byte[] t, NodeId sender, NodeId target) implements Query {
        @Override
        public String method() {
            return "find_node";
        }
    }

    /** "Who has {@code infoHash}?" Answered with peers if known, else closer nodes, and always a token. */
    record GetPeers(byte[] t, NodeId sender, NodeId infoHash) implements Query {
        @Override
        public String method() {
            return "get_peers";
        }
    }

    /**
     * "I have {@code infoHash} on {@code port}" (or on the port this datagram came from, when
     * {@code impliedPort}), with the token an earlier get_peers gave to this IP.
     */
    record AnnouncePeer(byte[] t, NodeId sender, NodeId infoHash, int port, byte[] token, boolean impliedPort) implements Query {
        @Override
        public String method() {
            return "announce_peer";
        }
    }

    /**
     * Our extension (BEP 5 lets clients add query methods; others answer 204): "send me block
     * {@code index} of the file whose SHA-256 is {@code content}". It is how a Kademlia peer of
     * this lab downloads from the holder a lookup found, without a second protocol.
     */
    record GetBlock(byte[] t, NodeId sender, byte[] content, int index) implements Query {
        @Override
        public String method() {
            return "p2plab_block";
        }
    }

    /** The answer to {@link GetBlock}: up to {@code KrpcCodec.BLOCK} bytes, and the file's size. */
    record Block(byte[] t, NodeId sender, byte[] data, long size) implements KrpcMessage {
    }

    /**
     * Any answer: BEP 5 responses do not name their query, the transaction id does. Unused
     * fields are empty lists or null.
     */
    record Response(byte[] t, NodeId sender, List<Contact> nodes, List<Address> values, byte[] token) implements KrpcMessage {
        public Response {
            nodes = List.copyOf(nodes);
            values = List.copyOf(values);
        }

        public static Response of(byte[] t, NodeId sender) {
            return new Response(t, sender, List.of(), List.of(), null);
        }
    }

    /** An error: 201 generic, 202 server, 203 protocol (malformed, bad arguments, bad token), 204 method unknown. */
    record KrpcError(byte[] t, int code, String message) implements KrpcMessage {
    }

    /**
     * What arrived when the datagram was not a valid KRPC message: the peer counts it by its
     * reason and, if it was a query with a usable transaction id, answers with error {@code code}.
     */
    record Malformed(byte[] t, boolean query, int code, String reason) implements KrpcMessage {
    }
}
