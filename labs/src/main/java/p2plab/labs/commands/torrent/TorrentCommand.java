package p2plab.labs.commands.torrent;

import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;

/** {@code torrent create|info}: make and read .torrent files (BEP 3). */
@Command(name = "torrent", description = "Make a .torrent from a file or folder, or show what a .torrent holds.",
        subcommands = {TorrentCreate.class, TorrentInfo.class})
public final class TorrentCommand implements Runnable {

    @Override
    public void run() {
        throw new LabException("torrent needs a subcommand: create or info (see `help torrent`)");
    }
}
