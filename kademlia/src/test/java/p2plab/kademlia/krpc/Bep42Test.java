package p2plab.kademlia.krpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import p2plab.common.transport.Address;

/** BEP 42's test vectors: IP and r give the first 21 bits of the id; the last byte is r. */
class Bep42Test {

    @ParameterizedTest(name = "{0}, r = {1}")
    @CsvSource({
        "124.31.75.21, 1, 5fbfbf",
        "21.75.31.124, 86, 5a3ce9",
        "65.23.51.170, 22, a5d432",
        "84.124.73.14, 65, 1b0321",
        "43.213.53.83, 90, e56f6c",
    })
    void theBepsVectors(String ip, int r, String first3) {
        byte[] expected = HexFormat.of().parseHex(first3);
        byte[] got = Bep42.firstBytes(new Address(ip, 1).ipv4(), r);
        assertArrayEquals(new byte[] {expected[0], expected[1], (byte) (expected[2] & 0xf8)}, got);

        byte[] id = new byte[20];
        id[0] = expected[0];
        id[1] = expected[1];
        id[2] = expected[2];
        id[19] = (byte) r;
        assertTrue(Bep42.valid(NodeId.of(id), new Address(ip, 1).ipv4()));
        id[0] ^= 0x01;
        assertFalse(Bep42.valid(NodeId.of(id), new Address(ip, 1).ipv4()));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.9"})
    void loopbackAndPrivateAddressesAreExempt(String ip) {
        assertTrue(Bep42.valid(NodeId.ofHex("00".repeat(20)), new Address(ip, 1).ipv4()));
    }
}
