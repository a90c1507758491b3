package p2plab.labs.commands.torrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.peer.SwarmStatus;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.transport.Address;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.common.units.DataRate;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.ProgressBar;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code get <magnet-uri | file.torrent>}: downloads a torrent over real TCP from whatever peers
 * its tracker or the DHT knows (ours, aria2, libtorrent...), with the phase it is in (finding
 * peers, fetching metadata, downloading) and a live progress bar, then prints the time and how
 * many bytes came from each peer. Data already in {@code --dir} is re-checked first, so a second
 * run resumes.
 */
@Command(name = "get", description = {"Download a magnet link or a .torrent over real TCP from the peers its tracker or the DHT knows;",
        "shows the phase (finding peers, fetching metadata, downloading), then time and sources.",
        "Data already in --dir is checked first, so running it again resumes."})
public final class GetCommand extends LabCommand {
    private static final long GOODBYE_MILLIS = 300;
    /** Protocol seconds a download waits for an unreachable tracker before giving up. */
    private static final long TRACKER_GRACE_SECONDS = 10;
    /** How often the phase is looked at while waiting (protocol time). */
    private static final Duration TICK = Duration.ofMillis(100);

    @Parameters(index = "0", paramLabel = "<magnet-uri | file.torrent>",
            description = "A magnet link (in quotes: it holds &) or the .torrent to download.")
    String target;

    @Option(names = "--dir", paramLabel = "D", defaultValue = ".", description = "Where to put the data (default: the current folder).")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port other peers connect to (default: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--dht-bootstrap", paramLabel = "HOST:PORT",
            description = "Find peers through the DHT, joining it through this node (`dht node` prints one).")
    String dhtBootstrap;

    @Option(names = "--no-tracker", description = "Do not ask the tracker of the torrent or magnet link (peers come from the DHT only).")
    boolean noTracker;

    @Option(names = "--download", paramLabel = "RATE", defaultValue = "unlimited", description = "Download rate limit, e.g. 2MB/s (default ${DEFAULT-VALUE}).")
    String download;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Give up after this many seconds of protocol time (default ${DEFAULT-VALUE}); run again to resume.")
    long timeoutSeconds;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1", description = "Run protocol timers X times faster (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--json", description = "Print the result as one JSON document instead of text.")
    boolean json;

    GetCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        TorrentSupport.checkPort(port);
        if (timeoutSeconds < 1) {
            throw new LabException("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        long downloadRate;
        try {
            downloadRate = DataRate.parseBytesPerSecond(download);
        } catch (IllegalArgumentException e) {
            throw new LabException("--download: " + TorrentSupport.oneLine(e.getMessage()));
        }
        Address bootstrap = dhtBootstrap == null ? null : UdpDhtNode.hostPort(dhtBootstrap, "--dht-bootstrap");
        Wanted wanted = Wanted.parse(target, noTracker, bootstrap != null);
        Path folder = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LabException("cannot use " + dir + " as the download folder: " + why(e) + "; choose another with --dir");
        }
        AtomicReference<DiskStore> store = new AtomicReference<>();
        if (wanted.meta() != null) {
            store.set(wanted.diskStore(wanted.meta(), folder));
        }
        TcpTransport transport = TorrentSupport.transport(bind, timeScale);
        ClientOptions options = noTracker ? ClientOptions.defaults().withoutTracker() : ClientOptions.defaults();
        Client client = TorrentSupport.openOn(transport, bind, port, t -> Client.open(t, "get", port,
                NodeConfig.named("get").withRates(0, downloadRate), options));
        UdpDhtNode dht = null;
        ProgressBar bar = console().ansi() && !json ? new ProgressBar(console(), () -> transport.clock().nanos()) : null;
        AtomicReference<SwarmStatus> last = new AtomicReference<>();
        GetSteps steps = new GetSteps(() -> transport.clock().nanos(), wanted.meta() == null);
        SwarmResult result;
        Client.Torrent t;
        try {
            if (bootstrap != null) {
                dht = UdpDhtNode.open(transport, 0);
                steps.add("joining the DHT through " + bootstrap + " from our node " + dht.address());
                dht.bootstrap(bootstrap);
                int nodes = dht.status().nodes();
                steps.add("joined the DHT: " + nodes + (nodes == 1 ? " node" : " nodes") + " in our routing table");
                client.addPeerSource(steps.watching(dht.peerSource(), "the DHT"));
            }
            steps.add("finding peers for " + wanted.infoHashHex() + " through " + wanted.sources(dht));
            t = start(transport, client, wanted, folder, store);
            steps.follow(t);
            t.onStatus(s -> {
                last.set(s);
                if (bar != null) {
                    bar.update(s.bytesHave(), s.bytesTotal(), s.peers());
                }
            });
            result = awaitCompletion(transport, wanted, t, last, steps);
        } finally {
            if (bar != null) {
                bar.finish();
            }
            client.close();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(GOODBYE_MILLIS)); // let event=stopped go out
            if (dht != null) {
                dht.close();
            }
            transport.close();
            if (store.get() != null) {
                store.get().close();
            }
        }
        Metainfo meta = t.metainfo();
        report(meta, DiskStore.dataPath(meta, folder), result);
    }

    /** Starts the download: a .torrent after re-checking the data already there, a magnet link at once. */
    private Client.Torrent start(TcpTransport transport, Client client, Wanted wanted, Path folder, AtomicReference<DiskStore> store) {
        if (wanted.meta() == null) {
            try {
                return transport.await(client.get(wanted.magnet(), m -> {
                    store.set(wanted.diskStore(m, folder));
                    return store.get();
                }), Duration.ofSeconds(30));
            } catch (TimeoutException e) {
                throw new LabException("the client did not start within 30 s; try again");
            }
        }
        try {
            // 300 s of real time whatever the time scale: hashing does not speed up
            return transport.await(client.get(wanted.meta(), store.get()), Duration.ofMillis((long) (300_000 * timeScale)));
        } catch (TimeoutException e) {
            throw new LabException("checking the data already in " + folder + " took more than 300 s; try again, or use an empty --dir");
        }
    }

    /**
     * Waits for the download, a tenth of a protocol second at a time, printing each step as it
     * happens: gives up after {@code --timeout}, or early when the only source is a tracker that
     * cannot be reached and no peer is connected (nothing can happen then but a retry a minute later).
     */
    private SwarmResult awaitCompletion(TcpTransport transport, Wanted wanted, Client.Torrent t, AtomicReference<SwarmStatus> last,
                                        GetSteps steps) {
        long start = transport.clock().nanos();
        while (true) {
            steps.look(t.phase());
            if (!json) {
                steps.print(this::println);
            }
            try {
                SwarmResult r = transport.await(t.completion(), TICK);
                if (!json) {
                    steps.print(this::println);
                }
                if (r == null) {
                    throw new LabException("the download of " + wanted.name() + " stopped: "
                            + TorrentSupport.oneLine(t.lastError() == null ? "no metadata" : t.lastError()));
                }
                return r;
            } catch (TimeoutException e) {
                long waited = (transport.clock().nanos() - start) / 1_000_000_000L;
                SwarmStatus s = last.get();
                String trackerError = t.lastTrackerError();
                if (wanted.onlyTracker() && trackerError != null && waited >= TRACKER_GRACE_SECONDS && (s == null || s.peers() == 0)) {
                    throw new LabException("the tracker " + TorrentSupport.printable(wanted.tracker()) + " did not answer ("
                            + TorrentSupport.oneLine(trackerError.replaceFirst("^[\\w.$]+(Exception|Error): ", ""))
                            + "); start it (`tracker`) or fix the torrent's URL, or find peers through the DHT with --dht-bootstrap HOST:PORT");
                }
                if (waited >= timeoutSeconds) {
                    throw new LabException(timedOut(wanted, t, s));
                }
            }
        }
    }

    private String timedOut(Wanted wanted, Client.Torrent t, SwarmStatus s) {
        String where = switch (t.phase()) {
            case FINDING_PEERS -> "no peer found: is a seed running and announcing (`seed <file.torrent> <data> --dht --dht-bootstrap HOST:PORT`)?";
            case FETCHING_METADATA -> "peers found, but none sent the metadata" + (t.lastError() == null ? "" : " (" + TorrentSupport.oneLine(t.lastError()) + ")")
                    + "; is a seed running?";
            default -> (s == null ? "nothing yet" : DataSize.format(s.bytesHave()) + " of " + DataSize.format(s.bytesTotal())
                    + ", " + s.peers() + (s.peers() == 1 ? " peer" : " peers") + " connected") + "; is a seed running?";
        };
        return "the download of " + wanted.name() + " did not finish within " + timeoutSeconds + " s (" + where + ") Run `get` again to resume";
    }

    private void report(Metainfo meta, Path where, SwarmResult r) {
        List<Map.Entry<String, Long>> sources = new ArrayList<>(r.sources().entrySet());
        sources.removeIf(e -> e.getValue() == 0);
        sources.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        double seconds = r.seconds();
        long rate = seconds > 0 ? (long) (r.bytesDown() / seconds) : 0;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", meta.name());
            doc.put("infoHash", meta.infoHashHex());
            doc.put("path", where.toString());
            doc.put("bytes", r.bytes());
            doc.put("complete", r.complete());
            doc.put("seconds", seconds);
            doc.put("bytesDown", r.bytesDown());
            doc.put("bytesUp", r.bytesUp());
            doc.put("rateBytesPerSec", rate);
            doc.put("corruptPieces", r.corruptPieces());
            List<Map<String, Object>> src = new ArrayList<>();
            for (Map.Entry<String, Long> e : sources) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("peer", TorrentSupport.peerName(e.getKey()));
                m.put("peerIdHex", e.getKey());
                m.put("bytes", e.getValue());
                src.add(m);
            }
            doc.put("sources", src);
            printJson(doc);
            return;
        }
        if (r.bytesDown() == 0) {
            println(TorrentSupport.printable(meta.name()) + " (" + DataSize.format(r.bytes()) + ") was already complete in " + where
                    + ": every piece checked against the torrent");
            return;
        }
        println("downloaded " + TorrentSupport.printable(meta.name()) + " (" + DataSize.format(r.bytes()) + ") to " + where + " in " + fmt2(seconds) + " s at "
                + DataRate.format(rate) + ", every piece SHA-1 verified"
                + (r.corruptPieces() > 0 ? " (" + r.corruptPieces() + " bad pieces were thrown away and fetched again)" : ""));
        long total = Math.max(1, r.bytesDown());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : sources) {
            parts.add(TorrentSupport.peerName(e.getKey()) + " " + DataSize.format(e.getValue())
                    + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * e.getValue() / total));
        }
        println("sources: " + sources.size() + "   " + String.join(", ", parts));
    }
}
