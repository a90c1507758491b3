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
 * {@code get <file.torrent>}: downloads a torrent over real TCP from whatever peers its tracker
 * knows (ours, aria2, libtorrent...), with a live progress bar, then prints the time and how many
 * bytes came from each peer. Data already in {@code --dir} is re-checked first, so a second run
 * resumes.
 */
@Command(name = "get", description = {"Download a torrent over real TCP from the peers its tracker knows; shows progress, then time and sources.",
        "Data already in --dir is checked first, so running it again resumes."})
public final class GetCommand extends LabCommand {
    private static final long GOODBYE_MILLIS = 300;
    /** Protocol seconds a download waits for an unreachable tracker before giving up. */
    private static final long TRACKER_GRACE_SECONDS = 10;

    @Parameters(index = "0", paramLabel = "<file.torrent>", description = "The .torrent to download.")
    Path torrent;

    @Option(names = "--dir", paramLabel = "D", defaultValue = ".", description = "Where to put the data (default: the current folder).")
    Path dir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port other peers connect to (default: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

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
        Metainfo meta = TorrentSupport.readTorrent(torrent);
        if (meta.announce() == null) {
            throw new LabException(torrent + " names no tracker, so there is no one to ask for peers; "
                    + "make it again with `torrent create <path> --tracker URL`");
        }
        String refusal = TorrentInfo.getRefusal(meta);
        if (refusal != null) {
            throw new LabException("cannot download " + torrent + ": " + TorrentSupport.printable(refusal)
                    + (meta.announce().startsWith("http://") ? "" : " ('" + TorrentSupport.printable(meta.announce()) + "')")
                    + "; make it again with `torrent create <path> --tracker http://...`");
        }
        Path folder = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LabException("cannot use " + dir + " as the download folder: " + why(e) + "; choose another with --dir");
        }
        DiskStore store;
        try {
            store = new DiskStore(meta, folder);
        } catch (IllegalArgumentException e) {
            throw new LabException("cannot download " + torrent + ": " + TorrentSupport.oneLine(e.getMessage()));
        }
        TcpTransport transport = TorrentSupport.transport(bind, timeScale);
        Client client = TorrentSupport.openOn(transport, bind, port, t -> Client.open(t, "get", port,
                NodeConfig.named("get").withRates(0, downloadRate), ClientOptions.defaults()));
        ProgressBar bar = console().ansi() && !json ? new ProgressBar(console(), () -> transport.clock().nanos()) : null;
        AtomicReference<SwarmStatus> last = new AtomicReference<>();
        SwarmResult result;
        Client.Torrent t;
        try {
            try {
                // 300 s of real time whatever the time scale: hashing does not speed up
                t = transport.await(client.get(meta, store), Duration.ofMillis((long) (300_000 * timeScale)));
            } catch (TimeoutException e) {
                throw new LabException("checking the data already in " + folder + " took more than 300 s; try again, or use an empty --dir");
            }
            t.onStatus(s -> {
                last.set(s);
                if (bar != null) {
                    bar.update(s.bytesHave(), s.bytesTotal(), s.peers());
                }
            });
            result = awaitCompletion(transport, meta, t, last);
        } finally {
            if (bar != null) {
                bar.finish();
            }
            client.close();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(GOODBYE_MILLIS)); // let event=stopped go out
            transport.close();
            store.close();
        }
        report(meta, DiskStore.dataPath(meta, folder), result);
    }

    /**
     * Waits for the download, one protocol second at a time: gives up after {@code --timeout},
     * or early when the tracker cannot be reached and no peer is connected (nothing can happen
     * then but a retry a minute later).
     */
    private SwarmResult awaitCompletion(TcpTransport transport, Metainfo meta, Client.Torrent t, AtomicReference<SwarmStatus> last) {
        for (long waited = 0; ; waited++) {
            try {
                return transport.await(t.completion(), Duration.ofSeconds(1));
            } catch (TimeoutException e) {
                SwarmStatus s = last.get();
                String trackerError = t.lastTrackerError();
                if (trackerError != null && waited >= TRACKER_GRACE_SECONDS && (s == null || s.peers() == 0)) {
                    throw new LabException("the tracker " + TorrentSupport.printable(meta.announce()) + " did not answer ("
                            + TorrentSupport.oneLine(trackerError.replaceFirst("^[\\w.$]+(Exception|Error): ", ""))
                            + "); start it (`tracker`) or fix the torrent's URL, then run `get` again");
                }
                if (waited + 1 >= timeoutSeconds) {
                    String have = s == null ? "nothing yet" : DataSize.format(s.bytesHave()) + " of " + DataSize.format(s.bytesTotal())
                            + ", " + s.peers() + (s.peers() == 1 ? " peer" : " peers") + " connected";
                    throw new LabException("the download of " + TorrentSupport.printable(meta.name()) + " did not finish within " + timeoutSeconds + " s ("
                            + have + "); is a seed running (`seed " + torrent + " <data-path>`)? Run `get` again to resume");
                }
            }
        }
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
