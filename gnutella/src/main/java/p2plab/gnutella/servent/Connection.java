package p2plab.gnutella.servent;

import java.util.function.ToIntFunction;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.SendQueue;
import p2plab.gnutella.message.GnutellaCodec;
import p2plab.gnutella.message.GnutellaMessage;
import p2plab.gnutella.routing.Neighbour;

/** What a servent keeps per connection: what the connection is for, and who is at the other end. */
final class Connection implements Neighbour {

    /** Where a connection stands. */
    enum State {
        /** Outbound, just opened: the code that opened it decides (handshake or download). */
        OPENED,
        /** Inbound, nothing received yet: a CONNECT or a GET will say. */
        ACCEPTED,
        /** We sent CONNECT and wait for the answer. */
        AWAIT_RESPONSE,
        /** We answered 200 OK and wait for the confirmation. */
        AWAIT_CONFIRM,
        /** Handshake done: descriptors flow. */
        NEIGHBOUR,
        /** We serve GETs on it. */
        UPLOAD,
        /** We download on it. */
        DOWNLOAD
    }

    private static final GnutellaCodec CODEC = new GnutellaCodec();
    private static final ToIntFunction<GnutellaMessage> SIZE_OF = CODEC::sizeOf;

    final Link<GnutellaMessage> link;
    /**
     * What waits while the link is not writable: a neighbour that reads slowly makes us drop,
     * not pile up. Made the first time something has to wait; most connections never wait.
     */
    private SendQueue<GnutellaMessage> out;
    State state;
    /** The peer's listening address (from the Listen-IP header on inbound connections). */
    Address listening;
    Download download;
    /** Completes when an outbound handshake ends: true if it made a neighbour. */
    java.util.concurrent.CompletableFuture<Boolean> handshake;
    private long hitsReturned;

    Connection(Link<GnutellaMessage> link, State state) {
        this.link = link;
        this.state = state;
        this.listening = link.remote();
    }

    void send(GnutellaMessage m) {
        if (out == null) {
            if (link.writable() || !link.isOpen()) {
                link.send(m); // what the queue would do with nothing waiting (a closed link counts it dropped)
                return;
            }
            out = new SendQueue<>(link, SIZE_OF, ServentConfig.SEND_QUEUE_BYTES);
        }
        out.send(m);
    }

    /** The link can take more: send what waits. */
    void drain() {
        if (out != null) {
            out.drain();
        }
    }

    /** The link closed: what waits is dropped. */
    void clear() {
        if (out != null) {
            out.clear();
        }
    }

    void countHit() {
        hitsReturned++;
    }

    @Override
    public Address address() {
        return listening;
    }

    @Override
    public long hitsReturned() {
        return hitsReturned;
    }

    @Override
    public String toString() {
        return listening + " (" + state + ")";
    }
}
