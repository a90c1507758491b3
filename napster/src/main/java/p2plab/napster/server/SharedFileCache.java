package p2plab.napster.server;

import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.ContentIdCache;

/**
 * The index records of recently shared files, so that the shares of one file (same name, hash
 * and size) hold one {@link SharedFile}: in a simulated network thousands of peers share each
 * popular catalogue file, and a record per share was a tenth of the server's heap.
 *
 * <p>Two slots per hash bucket, the newer first (with one, files whose hashes meet kept pushing
 * each other out: 7 % of the shares of a 1,000-file catalogue got records of their own): fixed
 * memory whatever clients send, and a miss only costs a record of its own. The server's thread only.
 */
final class SharedFileCache {
    private final SharedFile[] slots;
    private final ContentIdCache ids;

    /** @param size slots, a power of two, at least 2 */
    SharedFileCache(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("cache size must be a power of two of at least 2, got " + size);
        }
        this.ids = new ContentIdCache(size);
        this.slots = new SharedFile[size];
    }

    /** The record for this file: a cached one if it is there, else a new one (which then stays). */
    SharedFile of(String name, String hashHex, long size) {
        int h = name.hashCode() * 31 + hashHex.hashCode();
        int first = (h ^ (h >>> 16)) & (slots.length - 2); // the even slot of the bucket's pair
        for (int slot = first; slot <= first + 1; slot++) {
            SharedFile known = slots[slot];
            if (known != null && known.size() == size && known.name().equals(name) && known.id().hex().equals(hashHex)) {
                return known;
            }
        }
        SharedFile fresh = new SharedFile(name, ids.of(hashHex), size); // checks the hash and the size
        slots[first + 1] = slots[first];
        slots[first] = fresh;
        return fresh;
    }
}
