package p2plab.labs.commands;

import picocli.CommandLine.Command;

/** The top of the command tree; typing a bare command name runs one of these. */
@Command(name = "p2plab", mixinStandardHelpOptions = true, version = "p2plab 0.1.0",
        description = "P2P Lab: build peer-to-peer networks, add and kill peers, search, download, and read hops, messages and times.",
        subcommands = {NetworkCommand.class, PeerCommand.class, ShareCommand.class, SearchCommand.class, DownloadCommand.class,
                StatsCommand.class, ExportCommand.class, CompareCommand.class, TopologyCommand.class, ExperimentCommand.class, OverlaysCommand.class,
                TorrentCommand.class, TrackerCommand.class, SeedCommand.class, GetCommand.class, PlayCommand.class,
                QuitCommand.class, HelpCommand.class})
final class RootCommand implements Runnable {

    @Override
    public void run() {
        // A bare `p2plab` never reaches here: Main opens the interactive shell instead.
    }
}
