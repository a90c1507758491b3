package p2plab.labs.commands.torrent;

import java.nio.file.Path;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code torrent magnet <file.torrent>}: prints the torrent's magnet link (BEP 9) and nothing
 * else, so that {@code $(p2plab torrent magnet x.torrent)} can be passed on as it is.
 */
@Command(name = "magnet", description = {"Print the magnet link of a .torrent: its info hash, name, length and tracker (if any).",
        "Anyone with the link can fetch the torrent from its peers: `get <magnet-uri> --dht-bootstrap HOST:PORT`."})
final class TorrentMagnet extends LabCommand {

    @Parameters(index = "0", paramLabel = "<file.torrent>", description = "The .torrent (from `torrent create`, mktorrent...).")
    Path torrent;

    TorrentMagnet(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        Metainfo meta = TorrentSupport.readTorrent(torrent);
        println(meta.magnet());
    }
}
