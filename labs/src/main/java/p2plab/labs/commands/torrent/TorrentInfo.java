package p2plab.labs.commands.torrent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.bittorrent.metainfo.FileEntry;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code torrent info <file.torrent>}: name, size, pieces, info hash, tracker, files and magnet link
 * of any .torrent, and what {@code get} would refuse in it. Names come from the file, so control
 * characters are printed escaped.
 */
@Command(name = "info", description = "Show what a .torrent holds: name, size, pieces, info hash, tracker, files, magnet link.")
final class TorrentInfo extends LabCommand {
    /** Files listed before the rest are summed up in one line. */
    private static final int MAX_FILES_SHOWN = 20;

    @Parameters(index = "0", paramLabel = "<file.torrent>", description = "Any .torrent (ours, mktorrent's, a real one).")
    Path torrent;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    TorrentInfo(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        Metainfo meta = TorrentSupport.readTorrent(torrent);
        String refusal = getRefusal(meta);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", meta.name());
            doc.put("infoHash", meta.infoHashHex());
            doc.put("announce", meta.announce());
            doc.put("bytes", meta.totalLength());
            doc.put("pieceLength", meta.pieceLength());
            doc.put("pieces", meta.pieceCount());
            doc.put("multiFile", meta.multiFile());
            List<Map<String, Object>> files = new ArrayList<>();
            for (FileEntry f : meta.files()) {
                files.add(Map.of("path", f.joined(), "bytes", f.length()));
            }
            doc.put("files", files);
            doc.put("magnet", meta.magnet());
            doc.put("getRefuses", refusal);
            printJson(doc);
            return;
        }
        println("name        " + TorrentSupport.printable(meta.name()) + (meta.multiFile() ? "/ (folder)" : ""));
        println("size        " + DataSize.format(meta.totalLength()) + " (" + meta.totalLength() + " bytes)");
        println("pieces      " + meta.pieceCount() + " of " + DataSize.format(meta.pieceLength()));
        println("info hash   " + meta.infoHashHex());
        println("tracker     " + (meta.announce() == null ? "none (trackerless)" : TorrentSupport.printable(meta.announce())));
        if (meta.multiFile()) {
            println("files       " + meta.files().size());
            int shown = 0;
            for (FileEntry f : meta.files()) {
                if (shown++ == MAX_FILES_SHOWN) {
                    println("  ... and " + (meta.files().size() - MAX_FILES_SHOWN) + " more (`torrent info --json` lists all)");
                    break;
                }
                println("  " + TorrentSupport.printable(f.joined()) + "  " + DataSize.format(f.length()));
            }
        }
        println("magnet      " + meta.magnet());
        if (refusal != null) {
            println("warning     `get` refuses this torrent: " + TorrentSupport.printable(refusal));
        }
    }

    /** What `get` would refuse before downloading (unsafe names, a tracker that is not http://), or null. */
    static String getRefusal(Metainfo meta) {
        String names = DiskStore.refusal(meta);
        if (names != null) {
            return names;
        }
        return meta.announce() != null && !meta.announce().startsWith("http://")
                ? "its tracker URL is not http:// (only HTTP trackers are supported)" : null;
    }
}
