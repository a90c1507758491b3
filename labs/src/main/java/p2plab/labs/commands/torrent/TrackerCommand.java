package p2plab.labs.commands.torrent;

import java.time.Duration;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tracker [--port P]}: a real HTTP BitTorrent tracker on TCP that aria2, libtorrent or
 * {@code p2plab seed/get} announce to. From the system shell it runs until Ctrl-C; in the
 * interactive shell it runs in the background until {@code tracker stop} or {@code quit}.
 */
@Command(name = "tracker", description = {"Run a BitTorrent tracker (HTTP /announce and /scrape) on real TCP.",
        "From the system shell it runs until Ctrl-C; in the p2plab shell it runs in the background until `tracker stop` or `quit`.",
        "`tracker kill` and `tracker revive` crash and restart the tracker of the current bittorrent lab network instead."},
        subcommands = {TrackerStop.class, TrackerList.class, TrackerKill.class, TrackerRevive.class})
public final class TrackerCommand extends LabCommand {

    @Option(names = "--port", paramLabel = "P", defaultValue = "6969", description = "Port to listen on (default ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "120",
            description = "Re-announce interval told to peers (default ${DEFAULT-VALUE}); a peer silent for twice that is dropped.")
    int interval;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1", description = "Run protocol timers X times faster (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--background", description = "Return at once and keep the tracker in this session (the default in the p2plab shell).")
    boolean background;

    TrackerCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() throws InterruptedException {
        TorrentSupport.checkPort(port);
        if (interval < 1) {
            throw new LabException("--interval must be at least 1 second, got " + interval);
        }
        TcpTransport transport = TorrentSupport.transport(bind, timeScale);
        TrackerServer server = TorrentSupport.openOn(transport, bind, port,
                t -> TrackerServer.start(t, "tracker", port, Duration.ofSeconds(interval)));
        String address = server.node().address().toString();
        TorrentJobs jobs = TorrentJobs.of(lab);
        TorrentJobs.Job job = jobs.add("tracker", address, null, "tracker at " + server.announceUrl(), () -> {
            server.close();
            transport.close();
        });
        println("tracker running at " + server.announceUrl());
        if (background || TorrentJobs.interactive(lab)) {
            println("it keeps running in this session; `tracker stop` stops it (so does `quit`)");
            return;
        }
        println("Ctrl-C stops it");
        job.awaitClosed();
        jobs.remove(job);
        println("tracker stopped; port " + server.node().address().port() + " closed");
        job.reported();
    }
}
