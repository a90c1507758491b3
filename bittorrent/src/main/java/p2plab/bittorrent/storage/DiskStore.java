package p2plab.bittorrent.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import p2plab.bittorrent.metainfo.FileEntry;
import p2plab.bittorrent.metainfo.Metainfo;

/**
 * A torrent's files on disk: {@code dir/name} for a single file, {@code dir/name/path...} for a
 * folder. Files are created on first write; a range spanning files is split among them.
 */
public final class DiskStore implements PieceStore {
    private final List<FileEntry> files;
    private final Path[] paths;
    /** Open channels by file index; null until the file is first read or written. */
    private final FileChannel[] open;

    public DiskStore(Metainfo metainfo, Path dir) {
        String refusal = refusal(metainfo);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        this.files = metainfo.files();
        this.paths = new Path[files.size()];
        this.open = new FileChannel[files.size()];
        Path root = metainfo.multiFile() ? dir.resolve(metainfo.name()) : dir;
        for (int i = 0; i < paths.length; i++) {
            Path p = root;
            for (String part : files.get(i).path()) {
                p = p.resolve(part);
            }
            if (!p.normalize().startsWith(dir.normalize())) {
                throw new IllegalArgumentException("torrent file path escapes the download folder: " + files.get(i).joined());
            }
            paths[i] = p;
        }
    }

    /**
     * Why a torrent's names cannot become files under a download folder, or null when they can:
     * the name (the file, or the folder of a multi-file torrent) and every path element must be a
     * plain name, with no separator, no NUL, and not "." or "..".
     */
    public static String refusal(Metainfo metainfo) {
        String why = unsafe(metainfo.name());
        if (why != null) {
            return "the torrent's name " + why;
        }
        for (FileEntry f : metainfo.files()) {
            for (String part : f.path()) {
                why = unsafe(part);
                if (why != null) {
                    return "a file path element of '" + f.joined() + "' " + why;
                }
            }
        }
        return null;
    }

    private static String unsafe(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "is '" + name + "', which is not a file name";
        }
        if (name.indexOf('\0') >= 0) {
            return "contains a NUL byte";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "contains a path separator";
        }
        return null;
    }

    /** Where the data is: the file of a single-file torrent, the folder of a multi-file one. */
    public static Path dataPath(Metainfo metainfo, Path dir) {
        return dir.resolve(metainfo.name());
    }

    @Override
    public byte[] read(long offset, int length) {
        byte[] out = new byte[length];
        span(offset, length, (i, fileOffset, at, n) -> {
            if (open[i] == null && !Files.exists(paths[i])) {
                return; // not written yet: reads as zeros (no file is created by reading)
            }
            ByteBuffer buf = ByteBuffer.wrap(out, at, n);
            FileChannel ch = channel(i);
            while (buf.hasRemaining()) {
                if (ch.read(buf, fileOffset + (buf.position() - at)) < 0) {
                    break;
                }
            }
        });
        return out;
    }

    @Override
    public void write(long offset, byte[] data) {
        span(offset, data.length, (i, fileOffset, at, n) -> {
            ByteBuffer buf = ByteBuffer.wrap(data, at, n);
            FileChannel ch = channel(i);
            while (buf.hasRemaining()) {
                ch.write(buf, fileOffset + (buf.position() - at));
            }
        });
    }

    /** Blocks are written where they belong as they arrive: no piece is assembled in memory. */
    @Override
    public boolean takesUnverifiedBlocks() {
        return true;
    }

    @Override
    public boolean mayHold(long offset, int length) {
        boolean[] any = {false};
        span(offset, length, (i, fileOffset, at, n) -> {
            if (Files.exists(paths[i]) && Files.size(paths[i]) >= fileOffset + n) {
                any[0] = true;
            }
        });
        return any[0];
    }

    private interface Part {
        void run(int file, long fileOffset, int at, int n) throws IOException;
    }

    private void span(long offset, int length, Part part) {
        try {
            for (int i = 0; i < files.size(); i++) {
                FileEntry f = files.get(i);
                long from = Math.max(offset, f.offset());
                long to = Math.min(offset + length, f.offset() + f.length());
                if (from < to) {
                    part.run(i, from - f.offset(), (int) (from - offset), (int) (to - from));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("disk error: " + e.getMessage() + "; check free space and permissions", e);
        }
    }

    private FileChannel channel(int i) throws IOException {
        FileChannel ch = open[i];
        if (ch == null) {
            Path parent = paths[i].getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ch = FileChannel.open(paths[i], StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            open[i] = ch;
        }
        return ch;
    }

    /** Creates every file (empty files too) so a completed download has them all. */
    @Override
    public void allPiecesHad() {
        try {
            for (int i = 0; i < paths.length; i++) {
                channel(i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < open.length; i++) {
            try {
                if (open[i] != null) {
                    open[i].close();
                }
            } catch (IOException ignored) {
                // closing a file we only wrote to: nothing left to save
            }
            open[i] = null;
        }
    }
}
