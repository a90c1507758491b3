package p2plab.labs.commands.torrent;

import java.nio.file.Files;
import java.nio.file.Path;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code torrent create <path>}: a single-file or multi-file .torrent that real clients accept. */
@Command(name = "create", description = "Make a .torrent of a file (single-file) or a folder (multi-file); prints its info hash and magnet link.")
final class TorrentCreate extends LabCommand {

    @Parameters(index = "0", paramLabel = "<path>", description = "The file or folder to share.")
    Path path;

    @Option(names = "--tracker", paramLabel = "URL", description = "The tracker's announce URL, e.g. http://127.0.0.1:6969/announce (as `tracker` prints it).")
    String tracker;

    @Option(names = "--piece-length", paramLabel = "BYTES", defaultValue = "256KiB",
            description = "Bytes per piece, e.g. 262144 or 1MiB; a power of two from 16KiB is usual (default ${DEFAULT-VALUE}).")
    String pieceLength;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: <name>.torrent in the current folder).")
    Path out;

    TorrentCreate(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        long piece;
        try {
            piece = DataSize.parseBytes(pieceLength);
        } catch (IllegalArgumentException e) {
            throw new LabException("--piece-length: " + TorrentSupport.oneLine(e.getMessage()));
        }
        if (piece < 1024 || piece > (1 << 26)) {
            throw new LabException("--piece-length must be between 1KiB and 64MiB, got " + pieceLength + "; 256KiB is usual");
        }
        if (!Files.exists(path)) {
            throw new LabException("no such file or folder: " + path + "; check the path");
        }
        String url = tracker == null ? null : TorrentSupport.checkTrackerUrl(tracker);
        Metainfo meta;
        try {
            meta = Torrents.create(path, url, (int) piece);
        } catch (java.io.UncheckedIOException e) {
            throw new LabException("cannot read " + path + ": " + why(e.getCause()));
        } catch (IllegalArgumentException e) {
            throw new LabException(TorrentSupport.oneLine(e.getMessage()));
        }
        Path target = out != null ? out : Path.of(meta.name() + ".torrent");
        if (Files.isDirectory(target)) {
            target = target.resolve(meta.name() + ".torrent");
        }
        try {
            Torrents.write(meta, target);
        } catch (java.io.UncheckedIOException e) {
            throw new LabException("cannot write " + target + ": " + why(e.getCause()) + "; choose another file with --out");
        }
        println("created " + target + ": " + meta.name() + " (" + DataSize.format(meta.totalLength()) + ", "
                + (meta.multiFile() ? meta.files().size() + " files, " : "") + meta.pieceCount() + " pieces of "
                + DataSize.format(meta.pieceLength()) + ")");
        println("info hash " + meta.infoHashHex());
        println(meta.announce() == null ? "no tracker: add --tracker URL, or seed it with --dht, so that peers can find each other" : "tracker " + meta.announce());
        println("magnet " + meta.magnet());
    }
}
