package p2plab.common.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

    @ParameterizedTest
    @CsvSource({
        "64MiB, 67108864",
        "256KiB, 262144",
        "1000, 1000",
        "1.5GB, 1500000000",
        "1.5 GiB, 1610612736",
        "16kB, 16000",
        "16KB, 16000",
        "0, 0",
        "0B, 0",
        "2TB, 2000000000000",
        "1B, 1",
    })
    void readsSizes(String text, long bytes) {
        assertEquals(bytes, DataSize.parseBytes(text));
        assertEquals(bytes, DataSize.parse(text).bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"64M", "big", "", "-5KiB", "1kbit", "5MB/s", "1.2.3MB", "10 MBs"})
    void refusesWhatItCannotRead(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));
        assertEquals("cannot read '" + text + "' as a size; write e.g. 64MiB, 1.5GB or 1000 (bytes)", e.getMessage());
    }

    @Test
    void formatsForPeople() {
        assertEquals("64 MiB", DataSize.format(67108864));
        assertEquals("1.4 GiB", DataSize.format(1_500_000_000L));
        assertEquals("1000 B", DataSize.format(1000));
        assertEquals("1 KiB", DataSize.format(1024));
        assertEquals("0 B", DataSize.format(0));
        assertEquals("12.06 KiB", DataSize.format(12345));
        assertEquals("256 KiB", DataSize.ofBytes(262144).toString());
    }

    @Test
    void negativeSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DataSize(-1));
    }

    @Test
    void largestSizesFormatWithoutOverflow() {
        assertTrue(DataSize.format(Long.MAX_VALUE).endsWith("TiB"));
    }
}
