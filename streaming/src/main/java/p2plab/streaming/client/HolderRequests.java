package p2plab.streaming.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Request;

/**
 * The peer side of a download: the holders found for a track are dialled and asked for
 * batches of its chunks, a few holders at a time; a holder that refuses, fails or (the
 * {@link Watchdog} decides) is too slow is dropped and never asked again for that track.
 */
final class HolderRequests {
    private final Node<StreamMessage> node;
    private final ClientSettings settings;
    private final Downloads downloads;
    private final Neighbourhood neighbourhood;
    /** Asks again for what a download misses (after a dial, or a holder dropped). */
    private final Consumer<TrackFetch> pump;
    private final Watchdog watchdog;
    private final Map<Address, CompletableFuture<Link<StreamMessage>>> dialling = new LinkedHashMap<>();

    HolderRequests(Node<StreamMessage> node, ClientSettings settings, RescuePolicy policy, Downloads downloads,
                   Neighbourhood neighbourhood, Consumer<TrackFetch> pump) {
        this.node = node;
        this.settings = settings;
        this.downloads = downloads;
        this.neighbourhood = neighbourhood;
        this.pump = pump;
        this.watchdog = new Watchdog(node.clock(), settings, policy, downloads, neighbourhood, this, pump);
    }

    /** A holder of {@code f}'s track is known (from the tracker or a search): ask it too. */
    void add(TrackFetch f, Address holder) {
        if (holder.equals(node.address()) || f.dropped.contains(holder) || f.holders.contains(holder)) {
            return;
        }
        f.holders.add(holder);
        pump.accept(f);
    }

    /** Never asks {@code holder} again for this track; what was asked of {@code l} (if any) is missing again. */
    void drop(TrackFetch f, Link<StreamMessage> l, Address holder) {
        f.release(l);
        f.holders.remove(holder);
        f.dropped.add(holder);
    }

    /** Asks idle holders for the next batch of missing chunks from chunk {@code from} on, at most {@code peersPerTrack} at once. */
    void ask(TrackFetch f, int from) {
        int serving = 0;
        List<Link<StreamMessage>> idle = new ArrayList<>();
        for (Address holder : List.copyOf(f.holders)) {
            if (serving + idle.size() >= settings.peersPerTrack()) {
                break;
            }
            Link<StreamMessage> l = neighbourhood.linkTo(holder);
            if (l == null) {
                dial(holder, f);
                serving++; // counts against the limit while it connects
            } else if (f.waitsOn(l)) {
                serving++;
            } else {
                idle.add(l);
            }
        }
        for (Link<StreamMessage> l : idle) {
            int first = -1;
            int count = 0;
            for (int i = from; i < f.have.length && count < settings.peerBatchChunks(); i++) {
                if (!f.have[i] && f.askedFrom[i] == null) {
                    if (first < 0) {
                        first = i;
                        downloads.requesting(l, node.clock().nanos());
                    }
                    f.ask(i, l);
                    count++;
                } else if (first >= 0) {
                    break;
                }
            }
            if (count == 0) {
                return;
            }
            Neighbour n = (Neighbour) l.attachment();
            n.lastHeardNanos = node.clock().nanos();
            n.lastUsedNanos = n.lastHeardNanos;
            l.send(new Request(f.track, first, count));
            watchdog.start(f);
        }
    }

    /** Connects to a holder, making room above the soft limit; at the hard limit the holder is dropped instead. */
    private void dial(Address holder, TrackFetch f) {
        if (dialling.containsKey(holder)) {
            return;
        }
        List<Link<StreamMessage>> all = neighbourhood.neighbours();
        if (all.size() >= settings.softNeighbours()) {
            neighbourhood.dropIdleNeighbour(all, downloads::waitOn);
        }
        if (all.size() >= settings.hardNeighbours()) {
            drop(f, null, holder);
            return;
        }
        CompletableFuture<Link<StreamMessage>> c = neighbourhood.connect(holder);
        dialling.put(holder, c);
        c.whenComplete((link, error) -> {
            dialling.remove(holder);
            if (error != null) {
                for (TrackFetch t : downloads.all()) {
                    drop(t, null, holder);
                    pump.accept(t);
                }
            } else {
                ((Neighbour) link.attachment()).listening = holder;
                for (TrackFetch t : downloads.all()) {
                    pump.accept(t);
                }
            }
        });
    }
}
