package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void aDottedQuadGivesItsFourBytes() {
        assertArrayEquals(new byte[] {127, 0, 0, 1}, new Address("127.0.0.1", 6346).ipv4());
        assertArrayEquals(new byte[] {(byte) 255, 10, 0, (byte) 200}, new Address("255.10.0.200", 1).ipv4());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, new Address("001.02.3.4", 1).ipv4());
        assertTrue(new Address("001.02.3.4", 1).isIpv4());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4x",
            "1.2.-3.4", "1.2.3.1000", "::1"})
    void anythingElseIsRefused(String host) {
        assertThrows(IllegalArgumentException.class, () -> new Address(host, 1).ipv4());
        assertFalse(new Address(host, 1).isIpv4());
    }

    /** The same components in a plain record: what Address computed before it wrote equals and hashCode itself. */
    private record Plain(String host, int port) {
    }

    @Test
    void equalAddressesAreEqualAndTheirHashCodesAreARecordsOwn() {
        Address a = new Address("127.0.1.2", 6000);
        Address same = new Address(new String("127.0.1.2".toCharArray()), 6000);
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new Address("127.0.1.2", 6001));
        assertNotEquals(a, new Address("127.0.2.1", 6000));
        assertNotEquals(new Address("Aa", 1), new Address("BB", 1)); // same String hash code, different hosts
        assertNotEquals(a, "127.0.1.2:6000");
        for (String host : new String[] {"127.0.1.2", "localhost", "Aa", "::1"}) {
            for (int port : new int[] {0, 1, 6346, 65535}) {
                // HashMaps keyed by address iterate in the same order as before (the order of a run's events may follow it).
                assertEquals(new Plain(host, port).hashCode(), new Address(host, port).hashCode(), host + ":" + port);
            }
        }
    }
}
