package p2plab.labs.commands.torrent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.FileEntry;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.transport.Address;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.common.units.DataRate;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seed <file.torrent> <data-path>}: serves a torrent's data to any BitTorrent client over
 * real TCP and announces itself to the torrent's tracker, and with {@code --dht} into the DHT. Runs until Ctrl-C from the system shell,
 * in the background (until {@code seed stop} or {@code quit}) in the p2plab shell.
 */
@Command(name = "seed", description = {"Seed a torrent over real TCP: announce to its tracker (and with --dht into the DHT) and upload to every peer that asks.",
        "From the system shell it runs until Ctrl-C; in the p2plab shell it runs in the background until `seed stop` or `quit`."},
        subcommands = {SeedStop.class, SeedList.class})
public final class SeedCommand extends LabCommand {
    /** How long a stopping seed waits for its event=stopped announce to go out before closing the sockets. */
    private static final long GOODBYE_MILLIS = 500;

    // Optional to picocli so that `seed stop` parses; run() insists on both.
    @Parameters(index = "0", arity = "0..1", paramLabel = "<file.torrent>", description = "The .torrent (from `torrent create`, mktorrent...).")
    Path torrent;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<data-path>",
            description = "The file (or folder) the torrent was made from, or the folder that holds it.")
    Path data;

    @Option(names = "--port", paramLabel = "P", defaultValue = "6881", description = "Port peers connect to (default ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--dht", description = "Announce the torrent into the DHT too (BEP 5), so magnet links find this seed without a tracker.")
    boolean dht;

    @Option(names = "--dht-bootstrap", paramLabel = "HOST:PORT",
            description = "Join the DHT through this node (`dht node` prints one); implies --dht. Without it the seed starts a DHT of its own.")
    String dhtBootstrap;

    @Option(names = "--upload", paramLabel = "RATE", defaultValue = "unlimited", description = "Upload rate limit, e.g. 1MB/s (default ${DEFAULT-VALUE}).")
    String upload;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
            description = "Run protocol timers (rechoke 10 s, optimistic unchoke 30 s) X times faster (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--background", description = "Return at once and keep seeding in this session (the default in the p2plab shell).")
    boolean background;

    SeedCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() throws InterruptedException {
        if (torrent == null || data == null) {
            throw new LabException("seed needs a .torrent and its data: seed <file.torrent> <data-path> (or `seed stop`, `seed list`)");
        }
        TorrentSupport.checkPort(port);
        long uploadRate;
        try {
            uploadRate = DataRate.parseBytesPerSecond(upload);
        } catch (IllegalArgumentException e) {
            throw new LabException("--upload: " + TorrentSupport.oneLine(e.getMessage()));
        }
        Address bootstrap = dhtBootstrap == null ? null : UdpDhtNode.hostPort(dhtBootstrap, "--dht-bootstrap");
        boolean useDht = dht || bootstrap != null;
        Metainfo meta = TorrentSupport.readTorrent(torrent);
        Path dir = dataFolder(meta, data);
        TcpTransport transport = TorrentSupport.transport(bind, timeScale);
        Client client = TorrentSupport.openOn(transport, bind, port, t -> Client.open(t, "seed", port,
                NodeConfig.named("seed").withRates(uploadRate, 0), ClientOptions.defaults()));
        DiskStore store = new DiskStore(meta, dir);
        UdpDhtNode dhtNode = null;
        Client.Torrent seeding;
        try {
            if (useDht) {
                dhtNode = UdpDhtNode.open(transport, 0);
                if (bootstrap != null) {
                    dhtNode.bootstrap(bootstrap);
                }
                client.addPeerSource(dhtNode.peerSource());
            }
            seeding = transport.await(client.seed(meta, store), java.time.Duration.ofSeconds(30));
        } catch (Exception e) {
            close(client, dhtNode, transport, store);
            throw e instanceof LabException l ? l
                    : new LabException("could not start seeding " + meta.name() + ": " + TorrentSupport.oneLine(e.getMessage()));
        }
        String address = client.address().toString();
        TorrentJobs jobs = TorrentJobs.of(lab);
        UdpDhtNode node = dhtNode;
        TorrentJobs.Job job = jobs.add("seed", address, meta.name(), "seeding " + meta.name() + " (" + DataSize.format(meta.totalLength())
                + ") on " + address + (meta.announce() == null ? "" : " via " + meta.announce()) + (node == null ? "" : " and the DHT"),
                () -> close(client, node, transport, store));
        println("seeding " + meta.name() + " (" + DataSize.format(meta.totalLength()) + ", " + meta.pieceCount() + " pieces, info hash "
                + meta.infoHashHex() + ") from " + DiskStore.dataPath(meta, dir) + " on " + address);
        if (meta.announce() != null) {
            println("announcing to " + meta.announce());
        }
        if (node != null) {
            println("announcing into the DHT from our node " + node.address() + (bootstrap == null
                    ? " (a DHT of its own: others join with --dht-bootstrap " + node.address() + ")" : ", joined through " + bootstrap));
            println("magnet link: " + MagnetLink.of(meta));
        } else if (meta.announce() == null) {
            println("warning: the torrent names no tracker, so peers can only find this seed if told " + address
                    + "; add --dht to announce it into the DHT");
        }
        if (background || TorrentJobs.interactive(lab)) {
            println("it keeps seeding in this session; `seed stop` stops it (so does `quit`)");
            return;
        }
        println("Ctrl-C stops it");
        if (console().ansi()) {
            seeding.onStatus(s -> {
                console().out().print("\r" + s.line() + "\u001b[K");
                console().out().flush();
            });
        }
        job.awaitClosed();
        jobs.remove(job);
        if (console().ansi()) {
            console().out().println();
        }
        println("seed stopped; port " + client.address().port() + " closed");
        job.reported();
    }

    /** Leaves politely (event=stopped to the tracker), then closes every socket. */
    private static void close(Client client, UdpDhtNode dht, TcpTransport transport, DiskStore store) {
        try {
            client.close();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(GOODBYE_MILLIS));
        } finally {
            if (dht != null) {
                dht.close();
            }
            transport.close();
            store.close();
        }
    }

    /**
     * The folder a {@link DiskStore} needs, from what the user gave: the data itself (a file or
     * folder named as in the torrent) or the folder that holds it. Checks every file is there
     * with its length, so a wrong path fails here rather than as bad pieces at the peers.
     */
    static Path dataFolder(Metainfo meta, Path given) {
        Path path = given.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new LabException("no such file or folder: " + given + "; give the data the torrent was made from");
        }
        Path dir;
        if (path.getFileName() != null && path.getFileName().toString().equals(meta.name()) && path.getParent() != null) {
            dir = path.getParent();
        } else if (Files.isDirectory(path) && Files.exists(path.resolve(meta.name()))) {
            dir = path;
        } else {
            throw new LabException(given + " is not the data of this torrent: give the " + (meta.multiFile() ? "folder" : "file")
                    + " '" + meta.name() + "' or the folder that holds it");
        }
        Path root = meta.multiFile() ? dir.resolve(meta.name()) : dir;
        for (FileEntry f : meta.files()) {
            Path p = meta.multiFile() ? root : dir.resolve(meta.name());
            if (meta.multiFile()) {
                for (String part : f.path()) {
                    p = p.resolve(part);
                }
            }
            long size;
            try {
                size = Files.isRegularFile(p) ? Files.size(p) : -1;
            } catch (java.io.IOException e) {
                throw new LabException("cannot read " + p + ": " + why(e));
            }
            if (size != f.length()) {
                throw new LabException(p + (size < 0 ? " is missing" : " has " + size + " bytes")
                        + " but the torrent expects " + f.length() + " bytes; is this the data the torrent was made from?");
            }
        }
        return dir;
    }
}
