package p2plab.streaming.client;

import java.util.function.Consumer;
import p2plab.common.time.Clock;
import p2plab.common.transport.Link;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Cancel;

/**
 * The rescue of a download from slow peers: while peers owe it chunks, every
 * {@link ClientSettings#watchdogSeconds()} it asks the {@link RescuePolicy} about each of them,
 * and a peer the policy leaves is cancelled and dropped, so its chunks are asked again of
 * another holder or the server.
 */
final class Watchdog {
    private final Clock clock;
    private final ClientSettings settings;
    private final RescuePolicy policy;
    private final Downloads downloads;
    private final Neighbourhood neighbourhood;
    private final HolderRequests holders;
    private final Consumer<TrackFetch> pump;

    Watchdog(Clock clock, ClientSettings settings, RescuePolicy policy, Downloads downloads, Neighbourhood neighbourhood,
             HolderRequests holders, Consumer<TrackFetch> pump) {
        this.clock = clock;
        this.settings = settings;
        this.policy = policy;
        this.downloads = downloads;
        this.neighbourhood = neighbourhood;
        this.holders = holders;
        this.pump = pump;
    }

    /** Starts watching {@code f} unless it is watched already. */
    void start(TrackFetch f) {
        if (f.watchdog == null) {
            f.watchdog = clock.scheduleNanos(ClientSettings.nanos(settings.watchdogSeconds()), () -> check(f));
        }
    }

    /** Asks the policy about each peer that holds chunks we wait for. */
    private void check(TrackFetch f) {
        f.watchdog = null;
        if (!downloads.live(f)) {
            return;
        }
        long now = clock.nanos();
        double buffered = f.playback != null ? f.playback.bufferedNanos(now) / 1e9 : 1e9;
        boolean waiting = false;
        for (Link<StreamMessage> l : neighbourhood.neighbours()) {
            if (!f.waitsOn(l)) {
                continue;
            }
            Neighbour n = (Neighbour) l.attachment();
            if (policy.leavePeer((now - n.lastHeardNanos) / 1e9, buffered)) {
                l.send(new Cancel(f.track));
                holders.drop(f, l, n.listening);
            } else {
                waiting = true;
            }
        }
        pump.accept(f);
        if (waiting || hasPeerRequests(f)) {
            start(f);
        }
    }

    private boolean hasPeerRequests(TrackFetch f) {
        for (Object o : f.sources()) {
            if (neighbourhood.kindOf(o) == SourceKind.PEER) {
                return true;
            }
        }
        return false;
    }
}
