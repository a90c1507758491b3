package p2plab.napster.server;

import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.ContentIdCache;

/**
 * The index records of recently shared files, so that the shares of one file (same name, hash
 * and size) hold one {@link SharedFile}: in a simulated network thousands of peers share each
 * popular catalogue file, and a record per share was a tenth of the server's heap.
 *
 * <p>Direct-mapped like {@link ContentIdCache} (a slot per hash bucket, the newest wins): fixed
 * memory whatever clients send, and a miss only costs a record of its own. The server's thread only.
 */
final class SharedFileCache {
    private final SharedFile[] slots;
    private final ContentIdCache ids;

    /** @param size slots, a power of two */
    SharedFileCache(int size) {
        this.ids = new ContentIdCache(size);
        this.slots = new SharedFile[size];
    }

    /** The record for this file: a cached one if it is there, else a new one (which then stays). */
    SharedFile of(String name, String hashHex, long size) {
        int h = name.hashCode() * 31 + hashHex.hashCode();
        int slot = (h ^ (h >>> 16)) & (slots.length - 1);
        SharedFile known = slots[slot];
        if (known != null && known.size() == size && known.name().equals(name) && known.id().hex().equals(hashHex)) {
            return known;
        }
        SharedFile fresh = new SharedFile(name, ids.of(hashHex), size); // checks the hash and the size
        slots[slot] = fresh;
        return fresh;
    }
}
