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
    /** Made when an answer first has to wait: in a simulation most sessions never queue. */
    private SendQueue<NapMessage> out;
    String nick;          // null until logged in
    String host;
    int dataPort;
    int linkType;
    long lastHeardNanos;
    /** When the connection opened: it has the heartbeat timeout to log in. */
    final long connectedNanos;
    final Map<String, SharedFile> files = new ArrayMap<>(); // by name: a peer shares a handful (at most maxShared)

    Session(Link<NapMessage> link, long now) {
        this.link = link;
        this.lastHeardNanos = now;
        this.connectedNanos = now;
    }

    /** Everything the server says on this connection goes out at once, or through the queue once one had to wait. */
    void send(NapMessage message) {
        if (out == null) {
            if (link.writable()) {
                link.send(message);
                return;
            }
            out = new SendQueue<>(link, SIZE_OF, SEND_QUEUE_BYTES);
        }
        out.send(message);
    }

    /** The link takes more: what waits goes first. */
    void drain() {
        if (out != null) {
            out.drain();
        }
    }

    /** The link closed: what waits is dropped (and counted). */
    void clearQueue() {
        if (out != null) {
            out.clear();
        }
    }

    boolean loggedIn() {
        return nick != null;
    }
}
