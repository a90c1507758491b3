package p2plab.labs.commands;

import p2plab.labs.commands.dht.DhtCommand;
import p2plab.labs.commands.experiment.CompareCommand;
import p2plab.labs.commands.experiment.ExperimentCommand;
import p2plab.labs.commands.network.ExportCommand;
import p2plab.labs.commands.network.NetworkCommand;
import p2plab.labs.commands.network.WaitCommand;
import p2plab.labs.commands.network.OverlaysCommand;
import p2plab.labs.commands.network.PeerCommand;
import p2plab.labs.commands.network.StatsCommand;
import p2plab.labs.commands.network.TopologyCommand;
import p2plab.labs.commands.search.DownloadCommand;
import p2plab.labs.commands.search.PlayCommand;
import p2plab.labs.commands.search.SearchCommand;
import p2plab.labs.commands.search.ShareCommand;
import p2plab.labs.commands.torrent.GetCommand;
import p2plab.labs.commands.torrent.SeedCommand;
import p2plab.labs.commands.torrent.TorrentCommand;
import p2plab.labs.commands.torrent.TrackerCommand;
import picocli.CommandLine.Command;

/** The top of the command tree; typing a bare command name runs one of these. */
@Command(name = "p2plab", mixinStandardHelpOptions = true, version = "p2plab 0.1.0",
        description = "P2P Lab: build peer-to-peer networks, add and kill peers, search, download, and read hops, messages and times.",
        subcommands = {NetworkCommand.class, PeerCommand.class, ShareCommand.class, SearchCommand.class, DownloadCommand.class,
                StatsCommand.class, ExportCommand.class, CompareCommand.class, TopologyCommand.class, ExperimentCommand.class, OverlaysCommand.class,
                TorrentCommand.class, TrackerCommand.class, SeedCommand.class, GetCommand.class, DhtCommand.class,
                PlayCommand.class, WaitCommand.class, QuitCommand.class, HelpCommand.class, ClearCommand.class})
final class RootCommand implements Runnable {

    @Override
    public void run() {
        // A bare `p2plab` never reaches here: Main opens the interactive shell instead.
    }
}
