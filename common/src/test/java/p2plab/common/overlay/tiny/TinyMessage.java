package p2plab.common.overlay.tiny;

/** The four messages of the tiny overlay: a flooded query, its hit, and a one-shot file fetch. */
sealed interface TinyMessage {

    /** A keyword query, flooded with a TTL like Gnutella's. */
    record Query(long id, int ttl, int hops, String text) implements TinyMessage { }

    /** An answer travelling back along the query's path. */
    record Hit(long id, int hops, int holder, String host, int port, String contentId, String name, long size) implements TinyMessage { }

    /** Asks a holder for a whole file. */
    record Get(String contentId) implements TinyMessage { }

    /** The whole file (empty bytes when the holder does not have it). */
    record Data(String contentId, byte[] bytes) implements TinyMessage { }
}
