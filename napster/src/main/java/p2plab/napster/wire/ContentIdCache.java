package p2plab.napster.wire;

import p2plab.common.content.ContentId;

/**
 * The content ids a peer met lately, by their hex. A search answer carries each hit's hash as
 * text, and {@code new ContentId(hex)} checks it and makes an object: at a hundred results per
 * search that was a tenth of the whole benchmark's CPU (JFR, when the check was a regular
 * expression). Popular files come back again and again, so a small table keeps their ids and the
 * check runs once per new hash.
 *
 * <p>Direct-mapped (a slot per hash bucket, the newest wins): fixed memory, no eviction work.
 * One thread only (a peer's, or the index server's, where it also lets every share of one file
 * hold the same id).
 */
public final class ContentIdCache {
    private ContentId[] slots; // made at the first search answer: most simulated peers never search
    private final int mask;

    /** @param size slots, a power of two */
    public ContentIdCache(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("cache size must be a power of two, got " + size);
        }
        this.mask = size - 1;
    }

    /** The id for {@code hex}: a cached one if it is there, else a new one (which then stays). */
    public ContentId of(String hex) {
        if (slots == null) {
            slots = new ContentId[mask + 1];
        }
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
