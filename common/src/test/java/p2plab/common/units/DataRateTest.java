package p2plab.common.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataRateTest {

    @ParameterizedTest
    @CsvSource({
        "10MB/s, 10000000",
        "1.5MiB/s, 1572864",
        "800kbit/s, 100000",
        "100KB/s, 100000",
        "100kB/s, 100000",
        "64KiB/s, 65536",
        "1Gbit/s, 125000000",
        "8Mbps, 1000000",
        "2 MB/s, 2000000",
        "512B/s, 512",
        "512, 512",
        "0, 0",
        "unlimited, 0",
        "Unlimited, 0",
        "0.5KiB/s, 512",
        "12bit/s, 2",
    })
    void readsRates(String text, long bytesPerSecond) {
        assertEquals(bytesPerSecond, DataRate.parseBytesPerSecond(text));
        assertEquals(bytesPerSecond, DataRate.parse(text).bytesPerSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 MBs", "10MB", "fast", "", "-1MB/s", "10kb/s", "10XB/s", "1..5MB/s", "MB/s", "10 MB/ s"})
    void refusesWhatItCannotRead(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataRate.parse(text));
        assertTrue(e.getMessage().startsWith("cannot read '" + text + "' as a rate; write e.g."), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void errorMessageNamesTheInputAndAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataRate.parse("10 MBs"));
        assertEquals("cannot read '10 MBs' as a rate; write e.g. 10MB/s or 800kbit/s", e.getMessage());
    }

    @Test
    void aTinyRateIsNotSilentlyUnlimited() {
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("1bit/s"));
    }

    @Test
    void tooLargeARateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("99999999999TiB/s"));
    }

    @Test
    void formatsForPeople() {
        assertEquals("1.5 MiB/s", DataRate.format(1572864));
        assertEquals("9.54 MiB/s", DataRate.format(10_000_000));
        assertEquals("97.66 KiB/s", DataRate.format(100_000));
        assertEquals("64 KiB/s", DataRate.format(65536));
        assertEquals("unlimited", DataRate.format(0));
        assertEquals("unlimited", DataRate.UNLIMITED.toString());
        assertEquals("512 B/s", DataRate.format(512));
        assertTrue(DataRate.parse("unlimited").isUnlimited());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10MB/s", "1.5MiB/s", "800kbit/s", "64KiB/s", "3GiB/s", "1B/s"})
    void formattedRatesReadBackToTheSameValue(String text) {
        DataRate r = DataRate.parse(text);
        String shown = r.toString().replace(" ", "");
        assertEquals(r, DataRate.parse(shown));
    }
}
