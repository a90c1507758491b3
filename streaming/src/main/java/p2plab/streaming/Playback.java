package p2plab.streaming;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.overlay.PeerId;
import p2plab.streaming.client.Mode;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.measure.PlaySummary;

/**
 * What the shell's {@code play} and {@code stats} and lab 8's graded tests ask of a streaming
 * network beyond the {@code Network} SPI: play a track, warm a cache, read what the listeners
 * measured. They ask for this view rather than naming the network class, so the overlay's
 * internals stay its own.
 */
public interface Playback {
    StreamingOptions options();

    Mode mode();

    /** Everything the listeners measured so far. */
    PlayLog log();

    PlaySummary summary();

    /** The listeners' ids, in order. */
    List<PeerId> listeners();

    /** Plays {@code track} on listener {@code id}; {@code next} (or -1) is the track known to follow. Completes at the end. */
    CompletableFuture<PlayRecord> play(PeerId id, int track, int next);

    /** Puts {@code track} in listener {@code id}'s cache (and, in the hybrid, tells the tracker). */
    void preload(PeerId id, int track);

    /** Crashes peer {@code id}, as {@code Network.kill} does. */
    void kill(PeerId id);
}
