package p2plab.common.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeSpanTest {

    @Test
    void readsMillisecondsSecondsMinutesAndHours() {
        assertEquals(Duration.ofMillis(500), TimeSpan.parse("500ms"));
        assertEquals(Duration.ofMillis(1500), TimeSpan.parse("1.5s"));
        assertEquals(Duration.ofSeconds(3), TimeSpan.parse("3"));
        assertEquals(Duration.ofMinutes(2), TimeSpan.parse(" 2m "));
        assertEquals(Duration.ofHours(1), TimeSpan.parse("1H"));
    }

    @Test
    void refusesWhatIsNotADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parse("soon"));
        assertEquals("'soon' is not a duration; write it like 500ms, 10s, 1.5s, 2m or 1h", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSpan.parse("-1s"));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parse("9999999999h"));
        assertEquals("'9999999999h' is too long a duration; the longest is 2562047h (292 years)", tooLong.getMessage());
        assertEquals(Duration.ofHours(2562047), TimeSpan.parse("2562047h"), "the longest it names is accepted");
    }

    @Test
    void formatsForReading() {
        assertEquals("250 ms", TimeSpan.format(Duration.ofMillis(250)));
        assertEquals("1.5 s", TimeSpan.format(Duration.ofMillis(1500)));
        assertEquals("2 s", TimeSpan.format(Duration.ofSeconds(2)));
        assertEquals("2 min 5 s", TimeSpan.format(Duration.ofSeconds(125)));
    }
}
