package p2plab.labs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.labs.commands.torrent.LibtorrentDhtPeer;
import p2plab.labs.commands.torrent.UdpDhtNode;

/**
 * Issue 14: time from a magnet link to the first verified piece, our client beside libtorrent,
 * each fetching from the same kind of swarm on 127.0.0.1 with no tracker: one DHT node of ours
 * as the bootstrap and a libtorrent seed announced into it. Every run gets a fresh DHT and seed
 * (so no one meets the dead DHT nodes of an earlier leecher); the order alternates per round,
 * and a first warm-up round is shown but not counted.
 *
 * <p>Both clocks start when the client is created (our transport and client; libtorrent's
 * session), so both include joining the DHT, the get_peers lookup, connecting, the metadata
 * (BEP 9) and the first piece; neither includes starting the JVM or the Python interpreter. With
 * 16 KiB pieces, the first piece is the first block: the first bytes of content.
 *
 * <pre>bench/run labs p2plab.labs.bench.MagnetFirstPieceBenchmark [ROUNDS] [MiB]</pre>
 */
public final class MagnetFirstPieceBenchmark {
    private static final int PIECE = 16 * 1024;

    private MagnetFirstPieceBenchmark() {
    }

    /**
     * Milliseconds from the client's creation to each step; {@code addedMs}: when the magnet link
     * was handed to the client, once its DHT node had joined.
     */
    record Times(double addedMs, double metadataMs, double firstPieceMs, double doneMs) {
        double afterAddedMs() {
            return firstPieceMs - addedMs;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        LibtorrentDhtPeer.requireLibtorrent();
        Path work = Files.createTempDirectory("magnet-bench");
        Path data = work.resolve("data");
        Files.createDirectories(data);
        byte[] bytes = new byte[mib * 1024 * 1024];
        new Random(14).nextBytes(bytes);
        Files.write(data.resolve("movie.bin"), bytes);
        Metainfo meta = Torrents.create(data.resolve("movie.bin"), null, PIECE);
        Path torrent = work.resolve("movie.torrent");
        Torrents.write(meta, torrent);
        String magnet = MagnetLink.of(meta).toString();
        System.out.printf(Locale.ROOT, "magnet to first piece: %d MiB in %d pieces of 16 KiB, %d rounds, load average %s%n",
                mib, meta.pieceCount(), rounds, Files.readString(Path.of("/proc/loadavg")).strip());

        List<Times> ours = new ArrayList<>();
        List<Times> theirs = new ArrayList<>();
        // Round 0 warms up (our JVM loads and compiles the client's classes); it is printed, not counted.
        for (int r = 0; r <= rounds; r++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean oursNow = (r + turn) % 2 == 0;
                try (UdpDhtNode bootstrap = UdpDhtNode.standalone("127.0.0.1", 0);
                     LibtorrentDhtPeer seed = LibtorrentDhtPeer.seed(torrent, data, bootstrap.address().toString(), work)) {
                    Times t = oursNow ? ours(magnet, bootstrap) : libtorrent(magnet, bootstrap, work.resolve("lt" + r));
                    if (r > 0) {
                        (oursNow ? ours : theirs).add(t);
                    }
                    System.out.printf(Locale.ROOT, "%-8s %-10s magnet added %7.1f ms   metadata %7.1f ms   first piece %7.1f ms   all %7.1f ms%n",
                            r == 0 ? "warm-up" : "round " + r, oursNow ? "p2plab" : "libtorrent", t.addedMs(), t.metadataMs(), t.firstPieceMs(),
                            t.doneMs());
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s  %-24s %-24s %-24s %-24s%n", "median", "metadata ms", "first piece ms",
                "first piece after add ms", "all ms");
        for (String who : List.of("p2plab", "libtorrent")) {
            List<Times> ts = who.equals("p2plab") ? ours : theirs;
            System.out.printf(Locale.ROOT, "%-10s  %-24s %-24s %-24s %-24s%n", who, summary(ts, Times::metadataMs),
                    summary(ts, Times::firstPieceMs), summary(ts, Times::afterAddedMs), summary(ts, Times::doneMs));
        }
    }

    /** Our client from scratch: a transport, a client, a DHT node joined through the bootstrap, the magnet link. */
    private static Times ours(String magnet, UdpDhtNode bootstrap) throws Exception {
        long t0 = System.nanoTime();
        TcpTransport transport = new TcpTransport(TcpOptions.defaults().withSeed(new SecureRandom().nextLong()));
        Client client = Client.open(transport, "get", 0, NodeConfig.named("get"), ClientOptions.defaults().withoutTracker());
        try (UdpDhtNode dht = UdpDhtNode.open(transport, 0)) {
            dht.bootstrap(bootstrap.address());
            client.addPeerSource(dht.peerSource());
            AtomicLong metadata = new AtomicLong();
            AtomicLong firstPiece = new AtomicLong();
            CompletableFuture<Void> gotPiece = new CompletableFuture<>();
            long added = System.nanoTime();
            Client.Torrent t = transport.await(client.get(MagnetLink.parse(magnet), m -> new MemoryStore(m.pieceLength())), Duration.ofSeconds(10));
            t.metadata().thenRun(() -> metadata.set(System.nanoTime()));
            t.onStatus(s -> {
                if (s.bytesHave() > 0 && firstPiece.compareAndSet(0, System.nanoTime())) {
                    gotPiece.complete(null);
                }
            });
            transport.await(t.completion(), Duration.ofSeconds(60));
            long done = System.nanoTime();
            transport.await(gotPiece, Duration.ofSeconds(1));
            return new Times(ms(added - t0), ms(metadata.get() - t0), ms(firstPiece.get() - t0), ms(done - t0));
        } finally {
            client.close();
            transport.close();
        }
    }

    private static Times libtorrent(String magnet, UdpDhtNode bootstrap, Path out) throws Exception {
        Files.createDirectories(out);
        try (LibtorrentDhtPeer leech = LibtorrentDhtPeer.get(magnet, out, bootstrap.address().toString(), 60, out)) {
            LibtorrentDhtPeer.Report r = leech.awaitDone(70);
            return new Times(r.addedMs(), r.metadataMs(), r.firstPieceMs(), r.doneMs());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String summary(List<Times> ts, java.util.function.ToDoubleFunction<Times> f) {
        double[] v = ts.stream().mapToDouble(f).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f (%.1f..%.1f)", v[v.length / 2], v[0], v[v.length - 1]);
    }
}
