package p2plab.labs.commands.torrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.Phase;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.common.transport.Address;
import p2plab.common.units.DataSize;

/**
 * The steps of a {@code get} as the shell shows them: finding peers, the first peers a source
 * found, fetching metadata, the metadata verified, downloading. Each line carries the time its
 * event happened (seconds since the start), even though the peer threads that see the events
 * only queue them and the command's thread prints them.
 */
final class GetSteps {
    private final LongSupplier nanos;
    private final long start;
    private final boolean magnet;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean fetchingShown = new AtomicBoolean();
    private final AtomicBoolean downloadingShown = new AtomicBoolean();

    /** @param magnet the download starts from a magnet link, so the metadata comes from the peers */
    GetSteps(LongSupplier protocolNanos, boolean magnet) {
        this.nanos = protocolNanos;
        this.start = protocolNanos.getAsLong();
        this.magnet = magnet;
    }

    void add(String what) {
        lines.add(String.format(Locale.ROOT, "%6.2f s  %s", (nanos.getAsLong() - start) / 1e9, what));
    }

    /** {@code source} wrapped so that the first peers it finds are shown (with where they came from). */
    PeerSource watching(PeerSource source, String where) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new PeerSource() {
            @Override
            public String name() {
                return source.name();
            }

            @Override
            public Announcer start(SwarmRef swarm, PeerSink sink) {
                return source.start(swarm, peers -> {
                    if (!peers.isEmpty() && first.getAndSet(false)) {
                        add(where + " found " + peers(peers)
                                + (magnet && fetchingShown.compareAndSet(false, true)
                                ? "; fetching metadata (BEP 9) from " + (peers.size() == 1 ? "it" : "them") : ""));
                    }
                    sink.found(peers);
                });
            }

            @Override
            public int dhtPort() {
                return source.dhtPort();
            }

            @Override
            public void dhtNodeLearned(Address node) {
                source.dhtNodeLearned(node);
            }

            @Override
            public void close() {
                source.close();
            }

            @Override
            public void kill() {
                source.kill();
            }
        };
    }

    private static String peers(Collection<Address> peers) {
        List<String> shown = new ArrayList<>();
        for (Address a : peers) {
            if (shown.size() == 3) {
                shown.add("...");
                break;
            }
            shown.add(a.toString());
        }
        return peers.size() + (peers.size() == 1 ? " peer: " : " peers: ") + String.join(", ", shown);
    }

    /** Shows the metadata and the download starting the moment they happen. */
    void follow(Client.Torrent t) {
        t.metadata().thenAccept(m -> {
            if (magnet) {
                fetchingShown.set(true);
                add("metadata fetched from the peers: " + DataSize.format(m.infoBytes().length)
                        + " of info dictionary, its SHA-1 equals the info hash");
            }
            downloading(m);
        });
    }

    private void downloading(Metainfo m) {
        if (downloadingShown.compareAndSet(false, true)) {
            add("downloading " + TorrentSupport.printable(m.name()) + " (" + DataSize.format(m.totalLength()) + ", " + m.pieceCount()
                    + " pieces of " + DataSize.format(m.pieceLength()) + ")");
        }
    }

    /** Called now and then by the command's thread: a peer connected but the metadata is not there yet. */
    void look(Phase phase) {
        if (phase == Phase.FETCHING_METADATA && fetchingShown.compareAndSet(false, true)) {
            add("fetching metadata (the info dictionary, BEP 9 ut_metadata) from the peers");
        }
    }

    /** Prints the lines queued so far, in order. */
    void print(Consumer<String> out) {
        String line;
        while ((line = lines.poll()) != null) {
            out.accept(line);
        }
    }
}
