package p2plab.common.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class EveryCoreTest {

    @Test
    void everyIndexOnceWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int n : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                EveryCore.forEach(n, threads, runs::incrementAndGet);
                for (int i = 0; i < n; i++) {
                    assertEquals(1, runs.get(i), "index " + i + " of " + n + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void theCallerWorksToo() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        EveryCore.forEach(100, 2, i -> seen.add(Thread.currentThread()));
        assertTrue(seen.contains(Thread.currentThread()));
        assertEquals(2, seen.size());
    }

    /**
     * A failure stops the other threads at their next index, and the caller hears of it only
     * when every thread has ended: nothing is still working on (or holding) the result.
     */
    @Test
    void aFailureIsThrownOnceEveryThreadHasStopped() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        int n = 10_000_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger secondRange = new AtomicInteger();
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> EveryCore.forEach(n, 2, i -> {
            running.incrementAndGet();
            try {
                if (i == 0) { // the caller's first index fails once the other thread is under way
                    while (secondRange.get() == 0) {
                        Thread.onSpinWait();
                    }
                    throw oom;
                }
                if (i >= n / 2) {
                    secondRange.incrementAndGet();
                }
            } finally {
                running.decrementAndGet();
            }
        }));
        assertSame(oom, thrown);
        assertEquals(0, running.get(), "a worker was still running when the caller heard of the failure");
        assertTrue(secondRange.get() < n / 2, "the other thread did not stop at the failure: " + secondRange.get());
    }
}
