package p2plab.napster.wire;

import java.util.Arrays;

/**
 * One (file, holder) pair as every search result for it carries it, encoded once.
 *
 * <p>A 201 frame is the search id followed by fields that depend only on the shared file and
 * the peer sharing it: {@code  "file" sha256 size 0 0 0 nick ip link-type}. The server answers a
 * popular file thousands of times a second, so it encodes that tail once, when the file is
 * shared ({@link NapsterCodec#encodeHit}), and a result frame is then the header, the search id
 * and a copy of these bytes. The fields are kept too, so a result still reads like any other
 * (in simulation the message object itself travels, not its bytes).
 */
public final class EncodedHit {
    private final String file;
    private final String hash;
    private final long size;
    private final String nick;
    private final String ip;
    private final int linkType;
    private final byte[] tail; // from the space after the search id to the end of the body

    EncodedHit(String file, String hash, long size, String nick, String ip, int linkType, byte[] tail) {
        this.file = file;
        this.hash = hash;
        this.size = size;
        this.nick = nick;
        this.ip = ip;
        this.linkType = linkType;
        this.tail = tail;
    }

    /** The result for search {@code searchId}, carrying these bytes for the codec. */
    public NapMessage.SearchResult forSearch(String searchId) {
        return new NapMessage.SearchResult(searchId, file, hash, size, nick, ip, linkType, this);
    }

    /** Body bytes after the search id; never modified (the codec copies them into each frame). */
    byte[] tail() {
        return tail;
    }

    @Override
    public String toString() {
        return "EncodedHit[" + file + " at " + nick + ", " + tail.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedHit h && Arrays.equals(h.tail, tail);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tail);
    }
}
