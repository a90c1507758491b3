package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;

class HandshakeHeadersTest {

    /** What readTry hands on, both kinds in one list in order, packed ones unpacked again. */
    private static List<Address> read(String value) {
        List<Address> out = new ArrayList<>();
        HandshakeHeaders.readTry(value, p -> out.add(PackedAddress.address(p)), out::add);
        return out;
    }

    @Test
    void anXTryValueGivesItsReadableAddressesInOrder() {
        assertEquals(List.of(new Address("127.0.0.1", 6000), new Address("10.1.2.3", 6346), new Address("127.000.0.2", 80),
                        new Address("1.2.3.4", 80)),
                read("127.0.0.1:6000, 10.1.2.3:6346 ,nonsense,127.000.0.2:80,,1.2.3.4:+80, 1.2.3.4:70000,host:6000,:5,1.2.3.4:"));
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read(null));
    }

    @Test
    void onlyPlainDottedQuadsArePackedAndTheyPackAsTheirAddressWould() {
        List<Long> packed = new ArrayList<>();
        List<Address> other = new ArrayList<>();
        HandshakeHeaders.readTry("127.0.1.2:6000,127.0.01.2:6000,9.9.9.9:06000", packed::add, other::add);

        assertEquals(List.of(PackedAddress.of(new Address("127.0.1.2", 6000)), PackedAddress.of(new Address("9.9.9.9", 6000))), packed);
        assertEquals(List.of(new Address("127.0.01.2", 6000)), other);
    }

    @Test
    void aListenIpThatNamesTheAddressHeldIsRecognisedWithoutParsing() {
        Address a = new Address("127.0.3.4", 6000);
        assertTrue(HandshakeHeaders.names("127.0.3.4:6000", a));
        assertFalse(HandshakeHeaders.names("127.0.3.4:6001", a));
        assertFalse(HandshakeHeaders.names("127.0.3.40:6000", a));
        assertFalse(HandshakeHeaders.names("127.0.3.4:06000", a)); // the same address, but left to the parser
        assertFalse(HandshakeHeaders.names("127.0.3.4:", a));
        assertFalse(HandshakeHeaders.names("127.0.3.4:99999999999", a));
        assertFalse(HandshakeHeaders.names(null, a));
    }
}
