package p2plab.common.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A file on disk shared as content. Its bytes are read on demand, so large files cost no memory;
 * its id (SHA-256) is computed once, when it is opened. The file should not change afterwards:
 * downloads are verified against that id.
 */
public final class FileContent implements Content {
    private final Path path;
    private final String name;
    private final long size;
    private final ContentId id;

    private FileContent(Path path, String name, long size, ContentId id) {
        this.path = path;
        this.name = name;
        this.size = size;
        this.id = id;
    }

    /** Opens {@code file}, named by its file name. */
    public static FileContent of(Path file) {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        return of(file, fileName == null ? file.toString() : fileName.toString());
    }

    /** Opens {@code file} under another name. */
    public static FileContent of(Path file, String name) {
        Objects.requireNonNull(name, "name");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file + "; check the path");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read file: " + file + "; check its permissions");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            MessageDigest sha256 = Digests.sha256();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) > 0 || buf.position() > 0) {
                buf.flip();
                sha256.update(buf);
                buf.clear();
            }
            return new FileContent(file, name, size, ContentId.of(sha256.digest()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read file: " + file + " (" + e.getMessage() + "); check the path and permissions");
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public ContentId id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("read " + length + " bytes at " + offset + " of " + size);
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        // Opened per read, so a shared file holds no descriptor and needs no close().
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new UncheckedIOException(new IOException(
                            path + " is shorter than when it was opened (" + size + " bytes); it must not change while shared"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return buf.array();
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes, " + path + ")";
    }
}
