package p2plab.bittorrent.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;

class MagnetLinkTest {
    private static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";

    @Test
    void readsHashNameTrackersAndPeers() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX.toUpperCase() + "&dn=my+file%20%C3%A9.iso"
                + "&tr=http%3A%2F%2F127.0.0.1%3A6969%2Fannounce&tr.1=http://127.0.0.1:7000/announce"
                + "&x.pe=127.0.0.1:6881&x.pe=127.0.0.2:51413&xl=1048576&ws=http://ignored.example/");
        assertEquals(HEX, m.infoHashHex());
        assertEquals("my file é.iso", m.name());
        assertEquals(List.of("http://127.0.0.1:6969/announce", "http://127.0.0.1:7000/announce"), m.trackers());
        assertEquals(List.of(new Address("127.0.0.1", 6881), new Address("127.0.0.2", 51413)), m.peers());
        assertEquals(1_048_576, m.exactLength());
    }

    @Test
    void base32HashIsTheSameHash() {
        // RFC 4648 base32 of the 20 bytes above
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK");
        assertEquals(HEX, m.infoHashHex());
        assertEquals("", m.name());
        assertEquals(List.of(), m.trackers());
        assertEquals(-1, m.exactLength());
    }

    @Test
    void formatsAndReadsBack() {
        MagnetLink m = new MagnetLink(HexFormat.of().parseHex(HEX), "a&b=c d", List.of("http://127.0.0.1:6969/announce?x=1&y=2"),
                List.of(new Address("127.0.0.1", 6881)), 5);
        String text = m.toString();
        assertEquals("magnet:?xt=urn:btih:" + HEX + "&dn=a%26b%3Dc%20d&xl=5&tr=http://127.0.0.1:6969/announce%3Fx%3D1%26y%3D2"
                + "&x.pe=127.0.0.1:6881", text);
        assertEquals(m, MagnetLink.parse(text));
        assertArrayEquals(HexFormat.of().parseHex(HEX), MagnetLink.parse(text).infoHash());
    }

    @Test
    void ofATorrentCarriesItsHashNameLengthAndTracker() {
        Metainfo meta = Torrents.of(new p2plab.common.content.BytesContent("x.bin", new byte[100]), null, 16384);
        MagnetLink m = MagnetLink.of(meta);
        assertArrayEquals(meta.infoHash(), m.infoHash());
        assertEquals("x.bin", m.name());
        assertEquals(List.of(), m.trackers());
        assertEquals(100, m.exactLength());
    }

    @Test
    void malformedLinksAreRefusedSayingWhatIsWrong() {
        assertRefused("http://example.com/", "not a magnet link");
        assertRefused("magnet:?dn=x", "no xt=urn:btih:");
        assertRefused("magnet:?xt=urn:btmh:1220" + HEX, "not a BitTorrent v1 info hash");
        assertRefused("magnet:?xt=urn:btih:" + HEX.substring(1), "39 characters");
        assertRefused("magnet:?xt=urn:btih:" + HEX.substring(1) + "g", "not a hex digit");
        assertRefused("magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1", "not base32");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:" + "0".repeat(40), "two different info hashes");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&dn=%zz", "bad %-escape");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&dn=abc%4", "bad %-escape");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&x.pe=nohost", "expected host:port");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&x.pe=127.0.0.1:70000", "expected host:port");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&xl=-3", "xl=-3");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&tr=", "tr is empty");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&flag", "not key=value");
        assertRefused("magnet:?xt=urn:btih:" + HEX + "&dn=" + "a".repeat(MagnetLink.MAX_LENGTH), "longer than the limit");
    }

    private static void assertRefused(String link, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MagnetLink.parse(link));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
