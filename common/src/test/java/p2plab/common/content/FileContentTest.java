package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileFromDisk() throws IOException {
        byte[] data = new GeneratedContent("x", 200_000, 11).read(0, 200_000);
        Path file = dir.resolve("Amber Dune - Quiet River.mp3");
        Files.write(file, data);

        FileContent c = FileContent.of(file);

        assertEquals("Amber Dune - Quiet River.mp3", c.name());
        assertEquals(200_000, c.size());
        assertEquals(ContentId.of(Digests.sha256(data)), c.id());
        assertArrayEquals(Arrays.copyOfRange(data, 70_000, 70_500), c.read(70_000, 500));
        assertArrayEquals(data, c.read(0, 200_000));
        assertEquals(List.of("amber", "dune", "quiet", "river", "mp3"), c.keywords());
    }

    @Test
    void canBeSharedUnderAnotherName() throws IOException {
        Path file = dir.resolve("f.bin");
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals("renamed.bin", FileContent.of(file, "renamed.bin").name());
    }

    @Test
    void emptyFileIsFine() throws IOException {
        Path file = dir.resolve("empty");
        Files.write(file, new byte[0]);
        FileContent c = FileContent.of(file);
        assertEquals(0, c.size());
        assertEquals(ContentId.of(Digests.sha256(new byte[0])), c.id());
    }

    @Test
    void missingFileIsAOneLineError() {
        Path missing = dir.resolve("nope.mp3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileContent.of(missing));
        assertEquals("no such file: " + missing + "; check the path", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThrows(IllegalArgumentException.class, () -> FileContent.of(dir));
    }

    @Test
    void readsOutsideTheFileAreRefused() throws IOException {
        Path file = dir.resolve("f.bin");
        Files.write(file, new byte[10]);
        FileContent c = FileContent.of(file);
        assertThrows(IndexOutOfBoundsException.class, () -> c.read(5, 6));
    }
}
