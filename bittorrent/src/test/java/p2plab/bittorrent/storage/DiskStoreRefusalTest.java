package p2plab.bittorrent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.metainfo.Metainfo;

/** The names a torrent may not use on disk, checked once for `get` and `torrent info` alike. */
class DiskStoreRefusalTest {

    static Metainfo multiFile(String name, List<String> path) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("piece length", 16384L);
        info.put("pieces", new byte[20]);
        info.put("files", List.of(Map.of("length", 10L, "path", path)));
        return Metainfo.parse(Bencode.encode(Map.of("info", info)));
    }

    @Test
    void aNulInAPathElementIsRefused() {
        Metainfo m = multiFile("album", List.of("a\0b.txt"));
        assertEquals("a file path element of 'a\0b.txt' contains a NUL byte", DiskStore.refusal(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiskStore(m, Path.of("/tmp/x")));
        assertEquals(DiskStore.refusal(m), e.getMessage());
    }

    @Test
    void aFolderNamedDotDotIsRefused() {
        assertEquals("the torrent's name is '..', which is not a file name", DiskStore.refusal(multiFile("..", List.of("a"))));
        assertEquals("the torrent's name contains a path separator", DiskStore.refusal(multiFile("x/y", List.of("a"))));
    }

    @Test
    void plainNamesPass() {
        assertNull(DiskStore.refusal(multiFile("album", List.of("cd 1", "track 01.flac"))));
    }
}
