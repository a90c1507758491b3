package p2plab.labs.commands.torrent;

import p2plab.labs.commands.base.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code torrent create|info|magnet}: make and read .torrent files (BEP 3), and their magnet links (BEP 9). */
@Command(name = "torrent", description = "Make a .torrent from a file or folder, show what a .torrent holds, or print its magnet link.",
        subcommands = {TorrentCreate.class, TorrentInfo.class, TorrentMagnet.class})
public final class TorrentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Usage.needsSubcommand(spec);
    }
}
