package p2plab.napster.peer;

import p2plab.common.content.ContentId;

/**
 * The content ids a peer met lately, by their hex. A search answer carries each hit's hash as
 * text, and {@code new ContentId(hex)} checks it with a regular expression: at a hundred results
 * per search that check was a tenth of the whole benchmark's CPU (JFR). Popular files come back
 * again and again, so a small table keeps their ids and the check runs once per new hash.
 *
 * <p>Direct-mapped (a slot per hash bucket, the newest wins): fixed memory, no eviction work.
 * One peer's thread only, like the rest of the peer.
 */
final class ContentIdCache {
    private final ContentId[] slots;
    private final int mask;

    /** @param size slots, a power of two */
    ContentIdCache(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("cache size must be a power of two, got " + size);
        }
        this.slots = new ContentId[size];
        this.mask = size - 1;
    }

    /** The id for {@code hex}: a cached one if it is there, else a new one (which then stays). */
    ContentId of(String hex) {
        int h = hex.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        ContentId known = slots[slot];
        if (known != null && known.hex().equals(hex)) {
            return known;
        }
        ContentId fresh = new ContentId(hex); // validates; throws for a broken hash
        slots[slot] = fresh;
        return fresh;
    }
}
