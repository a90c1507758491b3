package p2plab.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(2), () -> order.add("b@2"));
        clock.schedule(Duration.ofSeconds(1), () -> order.add("a@1"));
        clock.schedule(Duration.ofSeconds(2), () -> order.add("c@2"));
        clock.schedule(Duration.ZERO, () -> order.add("now"));

        clock.advanceTo(Duration.ofSeconds(10).toNanos());

        assertEquals(List.of("now", "a@1", "b@2", "c@2"), order);
        assertEquals(10_000_000_000L, clock.nanos());
    }

    @Test
    void timeJumpsFromEventToEvent() {
        VirtualClock clock = new VirtualClock();
        List<Long> seen = new ArrayList<>();
        clock.schedule(Duration.ofHours(1), () -> seen.add(clock.nanos()));
        assertFalse(clock.runUntil(Long.MAX_VALUE, () -> false, false));
        assertEquals(List.of(3_600_000_000_000L), seen);
        assertEquals(3_600_000_000_000L, clock.nanos());
    }

    @Test
    void cancelledEventsNeverRun() {
        VirtualClock clock = new VirtualClock();
        List<String> ran = new ArrayList<>();
        Cancellable c = clock.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
        c.cancel();
        clock.advanceTo(5_000_000_000L);
        assertTrue(ran.isEmpty());
        assertTrue(c.isCancelled());
    }

    @Test
    void everyRepeatsUntilCancelled() {
        VirtualClock clock = new VirtualClock();
        List<Long> ticks = new ArrayList<>();
        Cancellable timer = clock.every(Duration.ofSeconds(10), () -> ticks.add(clock.nanos() / 1_000_000_000L));
        clock.advanceTo(35_000_000_000L);
        timer.cancel();
        clock.advanceTo(100_000_000_000L);
        assertEquals(List.of(10L, 20L, 30L), ticks);
    }

    @Test
    void runUntilStopsAsSoonAsTheConditionHolds() {
        VirtualClock clock = new VirtualClock();
        int[] count = {0};
        for (int i = 1; i <= 100; i++) {
            clock.schedule(Duration.ofMillis(i), () -> count[0]++);
        }
        assertTrue(clock.runUntil(Long.MAX_VALUE, () -> count[0] == 40, false));
        assertEquals(40, count[0]);
        assertEquals(40_000_000L, clock.nanos());
        assertEquals(60, clock.pending());
    }

    @Test
    void manyEventsStayOrdered() {
        VirtualClock clock = new VirtualClock();
        List<Long> times = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            clock.scheduleNanos(r.nextLong(1_000_000), () -> times.add(clock.nanos()));
        }
        clock.advanceTo(2_000_000);
        assertEquals(10_000, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) <= times.get(i));
        }
    }

    @Test
    void aBurstOfEventsRunsInOrderAndGivesItsRoomBack() {
        VirtualClock clock = new VirtualClock();
        int base = clock.capacity();
        List<Long> seen = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long at = random.nextLong(1_000_000);
            clock.scheduleNanos(at, () -> seen.add(clock.nanos()));
        }
        assertTrue(clock.capacity() >= 100_000);
        clock.advanceTo(2_000_000);
        assertEquals(100_000, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1) <= seen.get(i));
        }
        assertEquals(base, clock.capacity(), "the queue shrank back once the burst had run");
    }
}
