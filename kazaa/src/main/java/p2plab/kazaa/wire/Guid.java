package p2plab.kazaa.wire;

import java.util.random.RandomGenerator;

/**
 * The 16-byte id of one query. Every copy of a query and every hit for it carries it, so
 * supernodes can drop copies they have seen and route hits back; the transport's tally counts a
 * search's messages by it.
 */
public record Guid(long high, long low) {

    public static final int BYTES = 16;

    public static Guid random(RandomGenerator random) {
        return new Guid(random.nextLong(), random.nextLong());
    }

    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }
}
