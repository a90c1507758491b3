package p2plab.labs.commands.dht;

import p2plab.common.transport.Address;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.torrent.TorrentJobs;
import p2plab.labs.commands.torrent.UdpDhtNode;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dht node [--port P] [--bootstrap HOST:PORT]}: a standalone mainline DHT node on real UDP
 * that clients (ours, libtorrent, aria2) bootstrap from, so a swarm needs no tracker. Prints its
 * address; runs until Ctrl-C from the system shell, in the background (until {@code dht node stop}
 * or {@code quit}) in the p2plab shell.
 */
@Command(name = "node", description = {"Run a DHT node on real UDP that BitTorrent clients can bootstrap from; prints its address.",
        "From the system shell it runs until Ctrl-C; in the p2plab shell it runs in the background until `dht node stop` or `quit`."},
        subcommands = {DhtNodeStop.class})
final class DhtNodeCommand extends LabCommand {
    static final String JOB = "dht node";
    private static final long STATUS_MILLIS = 1000;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "UDP port to listen on (default: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Join the DHT through this node (default: start a new DHT).")
    String bootstrap;

    @Option(names = "--background", description = "Return at once and keep the node running in this session (the default in the p2plab shell).")
    boolean background;

    DhtNodeCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() throws InterruptedException {
        Address known = bootstrap == null ? null : UdpDhtNode.hostPort(bootstrap, "--bootstrap");
        UdpDhtNode node = UdpDhtNode.standalone(bind, port);
        if (known != null) {
            try {
                node.bootstrap(known);
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
        }
        String address = node.address().toString();
        TorrentJobs jobs = TorrentJobs.of(lab);
        TorrentJobs.Job job = jobs.add(JOB, address, null, "DHT node " + node.id().hex() + " on " + address + " (UDP)", node::close);
        println("DHT node " + node.id().hex() + " listening on " + address + " (UDP)");
        println(known == null ? "a new DHT: others join with --dht-bootstrap " + address + " (`get`, `seed`) or --bootstrap " + address
                : "joined through " + known + ": " + node.status().line());
        if (background || TorrentJobs.interactive(lab)) {
            println("it keeps running in this session; `dht node stop` stops it (so does `quit`)");
            return;
        }
        println("Ctrl-C stops it");
        UdpDhtNode.Status last = null;
        while (!job.isClosed()) {
            UdpDhtNode.Status s;
            try {
                s = node.status();
            } catch (LabException closing) {
                break; // closed while we asked
            }
            if (!s.equals(last)) {
                if (console().ansi()) {
                    console().out().print("\r" + s.line() + "\u001b[K");
                    console().out().flush();
                } else {
                    println(s.line());
                }
                last = s;
            }
            job.awaitClosed(STATUS_MILLIS);
        }
        jobs.remove(job);
        if (console().ansi()) {
            console().out().println();
        }
        println("DHT node stopped; port " + node.address().port() + " closed");
        job.reported();
    }
}
