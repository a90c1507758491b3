package p2plab.bittorrent.metainfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import p2plab.common.bencode.Bencode;
import p2plab.common.content.Content;
import p2plab.common.content.Pieces;

/** Makes .torrent files: from a file or a folder on disk, or from a {@link Content} (simulation). */
public final class Torrents {
    public static final int DEFAULT_PIECE_LENGTH = 256 * 1024;

    private Torrents() {
    }

    /**
     * A torrent of {@code path}: a single-file torrent for a file, a multi-file one for a folder
     * (its regular files, sorted by path).
     *
     * @param trackerUrl  announce URL, or null
     * @param pieceLength bytes per piece; a power of two of at least 16 KiB is usual
     */
    public static Metainfo create(Path path, String trackerUrl, int pieceLength) {
        checkPieceLength(pieceLength);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path + "; check the path");
        }
        String name = path.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("piece length", (long) pieceLength);
        PieceHasher hasher = new PieceHasher(pieceLength);
        if (Files.isDirectory(path)) {
            List<Path> regular;
            try (Stream<Path> walk = Files.walk(path)) {
                regular = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
            }
            if (regular.isEmpty()) {
                throw new IllegalArgumentException("folder " + path + " holds no files to share");
            }
            List<Object> files = new ArrayList<>();
            for (Path f : regular) {
                List<Object> parts = new ArrayList<>();
                for (Path part : path.relativize(f)) {
                    parts.add(part.toString());
                }
                files.add(Map.of("length", hasher.feed(f), "path", parts));
            }
            info.put("files", files);
        } else {
            info.put("length", hasher.feed(path));
        }
        info.put("pieces", hasher.finish());
        return assemble(trackerUrl, info);
    }

    /** A single-file torrent of {@code content}, named by it. */
    public static Metainfo of(Content content, String trackerUrl, int pieceLength) {
        checkPieceLength(pieceLength);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", content.name());
        info.put("piece length", (long) pieceLength);
        info.put("length", content.size());
        info.put("pieces", Pieces.concatenatedSha1(content, pieceLength));
        return assemble(trackerUrl, info);
    }

    /** Reads a .torrent file. */
    public static Metainfo read(Path torrentFile) {
        try {
            return Metainfo.parse(Files.readAllBytes(torrentFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + torrentFile + ": " + e.getMessage() + "; check the path");
        }
    }

    public static void write(Metainfo metainfo, Path torrentFile) {
        try {
            Files.write(torrentFile, metainfo.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + torrentFile + ": " + e.getMessage(), e);
        }
    }

    private static Metainfo assemble(String trackerUrl, Map<String, Object> info) {
        Map<String, Object> top = new LinkedHashMap<>();
        if (trackerUrl != null) {
            top.put("announce", trackerUrl.getBytes(StandardCharsets.UTF_8));
        }
        top.put("info", info);
        return Metainfo.parse(Bencode.encode(top));
    }

    private static void checkPieceLength(int pieceLength) {
        if (pieceLength < 1024 || pieceLength > (1 << 26)) {
            throw new IllegalArgumentException("--piece-length must be between 1 KiB and 64 MiB, got " + pieceLength);
        }
    }

    /** SHA-1 of fixed-length pieces over files read one after another, as if concatenated. */
    private static final class PieceHasher {
        private final MessageDigest sha1 = p2plab.common.content.Digests.sha1();
        private final int pieceLength;
        private final java.io.ByteArrayOutputStream hashes = new java.io.ByteArrayOutputStream();
        private int filled;

        PieceHasher(int pieceLength) {
            this.pieceLength = pieceLength;
        }

        long feed(Path file) {
            long total = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    int off = 0;
                    while (off < n) {
                        int take = Math.min(n - off, pieceLength - filled);
                        sha1.update(buf, off, take);
                        off += take;
                        filled += take;
                        if (filled == pieceLength) {
                            hashes.writeBytes(sha1.digest());
                            filled = 0;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return total;
        }

        byte[] finish() {
            if (filled > 0) {
                hashes.writeBytes(sha1.digest());
                filled = 0;
            }
            return hashes.toByteArray();
        }
    }
}
