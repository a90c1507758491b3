package p2plab.labs.commands.dht;

import java.security.SecureRandom;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.torrent.TorrentJobs;
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
        if (port < 0 || port > 65535) {
            throw new LabException("--port must be between 0 and 65535 (0: any free port), got " + port);
        }
        Address known = bootstrap == null ? null : hostPort(bootstrap, "--bootstrap");
        if (bind == null || bind.isBlank()) {
            throw new LabException("--bind needs an address such as 127.0.0.1");
        }
        TcpTransport transport = new TcpTransport(TcpOptions.defaults().withBindHost(bind.trim()).withSeed(new SecureRandom().nextLong()));
        UdpDhtNode node;
        try {
            node = UdpDhtNode.open(transport, port);
        } catch (RuntimeException e) {
            transport.close();
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new LabException("cannot listen on " + bind + ":" + port + (m.toLowerCase(java.util.Locale.ROOT).contains("in use")
                    ? " (in use); pick another with --port, or --port 0 for any free one"
                    : "; check --bind (an address of this machine, e.g. 127.0.0.1) and --port"));
        }
        Runnable close = () -> {
            node.close();
            transport.close();
        };
        if (known != null) {
            try {
                node.bootstrap(known);
            } catch (RuntimeException e) {
                close.run();
                throw e;
            }
        }
        String address = node.address().toString();
        TorrentJobs jobs = TorrentJobs.of(lab);
        TorrentJobs.Job job = jobs.add(JOB, address, null, "DHT node " + node.id().hex() + " on " + address + " (UDP)", close);
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

    /** HOST:PORT as typed, or a one-line error naming the option. */
    static Address hostPort(String text, String option) {
        try {
            Address a = Address.parse(text.trim());
            if (a.port() == 0) {
                throw new IllegalArgumentException("port 0");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new LabException(option + " needs HOST:PORT of a running DHT node, such as 127.0.0.1:6881 (`dht node` prints one), got '"
                    + text + "'");
        }
    }
}
