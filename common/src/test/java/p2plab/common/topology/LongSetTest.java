package p2plab.common.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive set behaves as a {@link HashSet} of the same keys, through growth and removals. */
class LongSetTest {

    @Test
    void agreesWithAHashSetOverRandomAddsAndRemoves() {
        LongSet mine = new LongSet(4);
        Set<Long> ref = new HashSet<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long k = r.nextLong(5_000); // few keys: many repeats, long probe runs, removals inside them
            switch (r.nextInt(3)) {
                case 0 -> assertEquals(ref.add(k), mine.add(k), "add " + k);
                case 1 -> {
                    ref.remove(k);
                    mine.remove(k);
                }
                default -> assertEquals(ref.contains(k), mine.contains(k), "contains " + k);
            }
            assertEquals(ref.size(), mine.size());
        }
        for (long k = 0; k < 5_000; k++) {
            assertEquals(ref.contains(k), mine.contains(k), "contains " + k);
        }
    }
}
