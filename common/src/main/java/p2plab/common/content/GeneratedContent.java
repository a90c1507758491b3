package p2plab.common.content;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Synthetic content for workloads: its bytes are a pure function of a 64-bit key and the offset,
 * so a peer can "share" a file of any size without storing it, and any range reads the same
 * every time. Byte {@code o} is byte {@code o % 8} (little-endian) of a SplitMix64-style mix of
 * (key, o / 8).
 */
public final class GeneratedContent implements Content {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Hashing generates the bytes into one buffer per thread: a catalogue holds gigabytes, never needed at once. */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private final String name;
    private final long size;
    private final long key;
    private final long seedWord; // the key, mixed once, so that nearby keys give unrelated streams
    private volatile ContentId id; // computed on first use: hashing is the only costly part
    private volatile List<String> keywords; // computed on first use, then one list for every peer sharing it

    public GeneratedContent(String name, long size, long key) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("a content size must be >= 0, got " + size);
        }
        this.size = size;
        this.key = key;
        this.seedWord = mix(key);
    }

    public long key() {
        return key;
    }

    /**
     * SHA-256 of the bytes. Computed on the first call; concurrent first calls may both compute it,
     * but they compute the same value, so no lock is needed.
     */
    @Override
    public ContentId id() {
        ContentId known = id;
        if (known == null) {
            known = ContentId.of(HASHER.get().sha256(this));
            id = known;
        }
        return known;
    }

    /**
     * The words of the name, parsed once: a catalogue file shared by thousands of simulated
     * peers is one list, not thousands. Unmodifiable; racing first calls compute the same words.
     */
    @Override
    public List<String> keywords() {
        List<String> known = keywords;
        if (known == null) {
            known = List.copyOf(Keywords.of(name));
            keywords = known;
        }
        return known;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("read " + length + " bytes at " + offset + " of " + size);
        }
        byte[] out = new byte[length];
        fill(offset, out, length);
        return out;
    }

    /** Writes bytes {@code offset..offset+length-1} into {@code out[0..length-1]}, eight at a time where aligned. */
    private void fill(long offset, byte[] out, int length) {
        long block = offset >>> 3;
        int i = 0;
        int skip = (int) (offset & 7);
        if (skip != 0) { // the tail of a word the range starts inside
            long word = word(block++);
            for (int shift = skip * 8; i < length && shift < 64; shift += 8) {
                out[i++] = (byte) (word >>> shift);
            }
        }
        for (; i + 8 <= length; i += 8) {
            LITTLE_ENDIAN_LONGS.set(out, i, word(block++));
        }
        if (i < length) {
            long word = word(block);
            for (int shift = 0; i < length; shift += 8) {
                out[i++] = (byte) (word >>> shift);
            }
        }
    }

    private long word(long block) {
        return mix(seedWord + (block + 1) * GOLDEN_GAMMA);
    }

    /** The SplitMix64 finaliser: a bijection on longs that spreads every input bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes, generated)";
    }

    /** A SHA-256 digest and a buffer, reused by one thread for every content it hashes. */
    private static final class Hasher {
        private final MessageDigest digest = Digests.sha256();
        private final byte[] buffer = new byte[64 * 1024];

        byte[] sha256(GeneratedContent c) {
            for (long off = 0; off < c.size; off += buffer.length) {
                int n = (int) Math.min(buffer.length, c.size - off);
                c.fill(off, buffer, n);
                digest.update(buffer, 0, n);
            }
            return digest.digest(); // also resets it for the next content
        }
    }
}
