package p2plab.napster.server;

import java.util.Map;
import java.util.function.ToIntFunction;
import p2plab.common.collect.ArrayMap;
import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.NapMessage;
import p2plab.common.transport.Link;
import p2plab.common.transport.SendQueue;
import p2plab.napster.wire.NapsterCodec;

/** One client connection as the server sees it: who logged in on it and what it shares. */
final class Session {
    /**
     * Bytes of answers that may wait for a client that reads slowly: a browse of a full library
     * (5,000 results) or some sixty searches' worth. Beyond, answers are dropped and counted.
     */
    static final int SEND_QUEUE_BYTES = 1 << 20;
    /** One size function for every session (a method reference made per session costs 16 bytes each). */
    private static final ToIntFunction<NapMessage> SIZE_OF = new NapsterCodec()::sizeOf;

    final Link<NapMessage> link;
    final SendQueue<NapMessage> out;
    String nick;          // null until logged in
    String host;
    int dataPort;
    int linkType;
    long lastHeardNanos;
    final Map<String, SharedFile> files = new ArrayMap<>(); // by name: a peer shares a handful (at most maxShared)

    Session(Link<NapMessage> link, long now) {
        this.link = link;
        this.out = new SendQueue<>(link, SIZE_OF, SEND_QUEUE_BYTES);
        this.lastHeardNanos = now;
    }

    /** Everything the server says on this connection goes through the queue. */
    void send(NapMessage message) {
        out.send(message);
    }

    boolean loggedIn() {
        return nick != null;
    }
}
