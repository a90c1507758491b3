package p2plab.bittorrent.metainfo;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.bencode.Bencode;
import p2plab.common.bencode.BencodeException;
import p2plab.common.content.Digests;

/**
 * A parsed {@code .torrent} (BEP 3): the tracker URL and the info dictionary. The info hash is
 * the SHA-1 of the info dictionary's bytes exactly as they appear in the file.
 *
 * @param announce    the tracker's announce URL, or null (trackerless)
 * @param name        suggested file name (single-file) or folder name (multi-file)
 * @param pieceLength bytes per piece (the last one may be shorter)
 * @param pieceHashes the 20-byte SHA-1 of every piece, concatenated
 * @param files       the files in order; one entry named {@code name} for a single-file torrent
 * @param multiFile   true when the info dictionary has a {@code files} list
 * @param infoBytes   the bencoded info dictionary
 * @param infoHash    SHA-1 of {@code infoBytes}
 */
public record Metainfo(String announce, String name, int pieceLength, byte[] pieceHashes, List<FileEntry> files,
                       boolean multiFile, byte[] infoBytes, byte[] infoHash) {

    public Metainfo {
        files = List.copyOf(files);
    }

    public long totalLength() {
        long sum = 0;
        for (FileEntry f : files) {
            sum += f.length();
        }
        return sum;
    }

    public int pieceCount() {
        return pieceHashes.length / 20;
    }

    public int pieceSize(int index) {
        long total = totalLength();
        long start = (long) index * pieceLength;
        return (int) Math.min(pieceLength, total - start);
    }

    public byte[] pieceHash(int index) {
        byte[] h = new byte[20];
        System.arraycopy(pieceHashes, index * 20, h, 0, 20);
        return h;
    }

    public String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /** BEP 9 magnet link: info hash, display name, exact length, tracker ({@link MagnetLink#of}). */
    public String magnet() {
        return MagnetLink.of(this).toString();
    }

    /** The whole .torrent file. */
    public byte[] toBytes() {
        Map<String, Object> top = new LinkedHashMap<>();
        if (announce != null) {
            top.put("announce", announce);
        }
        top.put("created by", "p2plab");
        top.put("info", Bencode.decode(infoBytes));
        return Bencode.encode(top);
    }

    /**
     * The metainfo of an info dictionary fetched from peers (BEP 9), with {@code announce} as its
     * tracker (or null). The dictionary's bytes are kept as they are, so the info hash is theirs.
     */
    public static Metainfo ofInfo(byte[] info, String announce) {
        java.io.ByteArrayOutputStream torrent = new java.io.ByteArrayOutputStream(info.length + 64);
        torrent.write('d');
        if (announce != null) {
            byte[] pair = Bencode.encode(java.util.Map.of("announce", announce));
            torrent.write(pair, 1, pair.length - 2); // the key and value, without the enclosing d...e
        }
        torrent.writeBytes("4:info".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        torrent.writeBytes(info);
        torrent.write('e');
        return parse(torrent.toByteArray());
    }

    /** Reads a .torrent; a broken one is a {@link BencodeException} saying what is wrong. */
    public static Metainfo parse(byte[] torrent) {
        Map<String, Object> top = Bencode.dict(Bencode.decode(torrent), "a .torrent file");
        byte[] infoBytes = Bencode.rawValue(torrent, "info");
        if (infoBytes == null) {
            throw new BencodeException("not a .torrent: it has no 'info' dictionary");
        }
        String announce = top.containsKey("announce") ? Bencode.text(top.get("announce"), "announce") : null;
        if (announce == null && top.get("announce-list") instanceof List<?> tiers && !tiers.isEmpty()
                && tiers.get(0) instanceof List<?> first && !first.isEmpty()) {
            announce = Bencode.text(first.get(0), "announce-list entry");
        }
        Map<String, Object> info = Bencode.dict(top.get("info"), "info");
        String name = Bencode.text(require(info, "name"), "info.name");
        long pieceLength = Bencode.integer(require(info, "piece length"), "info.piece length");
        if (pieceLength <= 0 || pieceLength > (1 << 28)) {
            throw new BencodeException("info.piece length " + pieceLength + " is out of range (1..256 MiB)");
        }
        byte[] pieces = Bencode.bytes(require(info, "pieces"), "info.pieces");
        if (pieces.length % 20 != 0) {
            throw new BencodeException("info.pieces is " + pieces.length + " bytes, not a multiple of 20");
        }
        List<FileEntry> files = new ArrayList<>();
        boolean multi = info.containsKey("files");
        if (multi) {
            long offset = 0;
            for (Object o : Bencode.list(info.get("files"), "info.files")) {
                Map<String, Object> f = Bencode.dict(o, "info.files entry");
                long length = Bencode.integer(require(f, "length"), "file length");
                List<String> path = new ArrayList<>();
                for (Object p : Bencode.list(require(f, "path"), "file path")) {
                    path.add(Bencode.text(p, "file path element"));
                }
                files.add(new FileEntry(path, length, offset));
                if (length > Long.MAX_VALUE - offset) {
                    throw new BencodeException("info.files add up to more than " + Long.MAX_VALUE + " bytes");
                }
                offset += length;
            }
        } else {
            long length = Bencode.integer(require(info, "length"), "info.length");
            files.add(new FileEntry(List.of(name), length, 0));
        }
        long total = files.stream().mapToLong(FileEntry::length).sum();
        long expected = total / pieceLength + (total % pieceLength == 0 ? 0 : 1); // no overflow near Long.MAX_VALUE
        if (expected != pieces.length / 20) {
            throw new BencodeException("the torrent has " + pieces.length / 20 + " piece hashes but its "
                    + total + " bytes make " + expected + " pieces");
        }
        return new Metainfo(announce, name, (int) pieceLength, pieces, files, multi, infoBytes, Digests.sha1(infoBytes));
    }

    private static Object require(Map<String, Object> d, String key) {
        Object v = d.get(key);
        if (v == null) {
            throw new BencodeException("not a valid .torrent: '" + key + "' is missing");
        }
        return v;
    }

    @Override
    public String toString() {
        return name + " (" + totalLength() + " bytes, " + pieceCount() + " pieces of " + pieceLength + ", " + infoHashHex() + ")";
    }
}
