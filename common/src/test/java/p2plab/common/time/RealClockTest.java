package p2plab.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealClockTest {

    @Test
    void timeScaleShrinksRealDelays() {
        RealClock clock = new RealClock(null, 10, System.nanoTime());
        assertEquals(3_000_000_000L, clock.toRealNanos(30_000_000_000L));
    }

    @Test
    void protocolTimeRunsFasterByTheScale() throws Exception {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
        try {
            RealClock clock = new RealClock(exec, 20, System.nanoTime());
            CountDownLatch fired = new CountDownLatch(1);
            long realStart = System.nanoTime();
            clock.schedule(Duration.ofSeconds(2), fired::countDown); // 0.1 s of real time
            assertTrue(fired.await(5, TimeUnit.SECONDS));
            long realElapsed = System.nanoTime() - realStart;
            assertTrue(realElapsed >= 90_000_000L, "fired after " + realElapsed + " ns");
            assertTrue(clock.nanos() >= 1_800_000_000L);
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void aScaleMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RealClock(null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RealClock(null, Double.NaN, 0));
    }
}
