package p2plab.streaming.wire;

import java.util.List;
import p2plab.common.transport.Address;

/**
 * Every message of the streaming overlay. Tracks are numbered 0..tracks-1 and cut into chunks
 * of {@code chunkBytes}; a chunk is named by (track, index).
 */
public sealed interface StreamMessage {

    /** The type code on the wire, an index into {@link StreamingCodec#TYPES}. */
    int type();

    /** A listener's first message on a connection it opened: the port it listens on. */
    record Hello(int port) implements StreamMessage {
        @Override
        public int type() {
            return 0;
        }
    }

    /** Please send chunks {@code first .. first+count-1} of {@code track}, in order. */
    record Request(int track, int first, int count) implements StreamMessage {
        @Override
        public int type() {
            return 1;
        }
    }

    /** One chunk of audio; the payload is {@code length} bytes (filler: the lab measures, it does not play). */
    record Chunk(int track, int index, int length) implements StreamMessage {
        @Override
        public int type() {
            return 2;
        }
    }

    /** The sender will not serve this request: it does not hold the track whole, or its upload slots are full. */
    record Refuse(int track, int first, int count, boolean busy) implements StreamMessage {
        @Override
        public int type() {
            return 3;
        }
    }

    /** Stop sending what is left of {@code track} on this connection (the requester went elsewhere). */
    record Cancel(int track) implements StreamMessage {
        @Override
        public int type() {
            return 4;
        }
    }

    /** To the tracker: who holds {@code track}? */
    record Lookup(int track) implements StreamMessage {
        @Override
        public int type() {
            return 5;
        }
    }

    /** To the tracker: I now hold {@code track} whole in my cache. */
    record Announce(int track) implements StreamMessage {
        @Override
        public int type() {
            return 6;
        }
    }

    /** The tracker's answer: the most recent holders it knows. */
    record Peers(int track, List<Address> holders) implements StreamMessage {
        @Override
        public int type() {
            return 7;
        }
        public Peers {
            holders = List.copyOf(holders);
        }
    }

    /** Overlay search: who within {@code ttl} hops holds {@code track}? */
    record Search(long id, int track, int ttl) implements StreamMessage {
        @Override
        public int type() {
            return 8;
        }
    }

    /** A holder of {@code track}, travelling back along the search's path. */
    record Found(long id, int track, Address holder) implements StreamMessage {
        @Override
        public int type() {
            return 9;
        }
    }

    /**
     * To the origin: the decryption key of {@code track}, please. Sent on every play, cached or
     * not (Spotify's client fetched each track's AES key from its server before it could decrypt).
     */
    record KeyRequest(int id, int track) implements StreamMessage {
        @Override
        public int type() {
            return 10;
        }
    }

    /** The origin's answer to {@link KeyRequest} {@code id}: an AES-128 key, 16 bytes on the wire (filler here). */
    record Key(int id, int track) implements StreamMessage {
        @Override
        public int type() {
            return 11;
        }
    }
}
