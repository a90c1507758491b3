package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;

class PackedAddressTest {

    @Test
    void aDottedQuadComesBackAsTheSameAddress() {
        for (Address a : new Address[] {new Address("127.0.0.1", 6346), new Address("255.255.255.255", 65535),
                new Address("0.0.0.0", 0), new Address("10.20.30.40", 1)}) {
            assertEquals(a, PackedAddress.address(PackedAddress.of(a)));
        }
    }

    @Test
    void addressesThatDifferInHostOrPortPackDifferently() {
        long a = PackedAddress.of(new Address("127.0.1.2", 6000));
        assertNotEquals(a, PackedAddress.of(new Address("127.0.1.2", 6001)));
        assertNotEquals(a, PackedAddress.of(new Address("127.0.2.1", 6000)));
        assertNotEquals(a, PackedAddress.of(new Address("127.1.0.2", 6000)));
    }

    @Test
    void hostsNotWrittenAsAPlainDottedQuadAreNotPacked() {
        // Equal numbers would have to mean equal addresses: "127.0.0.01" is not equal to "127.0.0.1".
        for (String host : new String[] {"127.0.0.01", "localhost", "127.0.0", "127.0.0.1.5", "256.0.0.1", "1..2.3", "1.2.3.", "::1", "0127.0.0.1"}) {
            assertEquals(PackedAddress.UNPACKED, PackedAddress.of(new Address(host, 6000)), host);
        }
    }
}
