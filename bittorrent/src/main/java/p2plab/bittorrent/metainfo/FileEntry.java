package p2plab.bittorrent.metainfo;

import java.util.List;

/**
 * One file of a torrent: its path inside the torrent's folder (one element per directory level)
 * and its length; {@code offset} is where its bytes start in the torrent's concatenated byte space.
 */
public record FileEntry(List<String> path, long length, long offset) {

    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a file path needs at least one element");
        }
        for (String p : path) {
            if (p.isEmpty() || p.equals(".") || p.equals("..") || p.contains("/") || p.contains("\\")) {
                throw new IllegalArgumentException("unsafe path element '" + p + "' in torrent file list");
            }
        }
        if (length < 0) {
            throw new IllegalArgumentException("file length must be >= 0, got " + length);
        }
    }

    public String joined() {
        return String.join("/", path);
    }
}
