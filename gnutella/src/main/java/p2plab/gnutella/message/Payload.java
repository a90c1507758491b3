package p2plab.gnutella.message;

/** The body of a descriptor; its type code is the header's payload-type byte. */
public sealed interface Payload permits Ping, Pong, Bye, Query, QueryHit {

    /** The 0.6 payload-type byte. */
    int typeCode();

    /** Bytes of the payload on the wire (the header's payload length). */
    int size();
}
