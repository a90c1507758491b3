package p2plab.streaming.media;

/**
 * The player of one track, as a pure model of time: chunks arrive (in any order, at known
 * times); audio starts when the {@link Startup} buffer is in (chunk 0, by default), plus the
 * sound device's delay, and plays chunk after chunk; when the next chunk is not there at its
 * turn, playback waits for it — a stutter.
 *
 * <p>Arrivals must be reported in time order (the simulator's order; chunks held locally may be
 * reported first, at the time their disk read ends). Everything else follows: the startup
 * latency, each stutter and its length, and when the track ends.
 */
public final class Playback {
    private final TrackCatalogue catalogue;
    private final Startup startup;
    private final long playAt;
    /** When the last chunk of the start buffer arrived, so far. */
    private long startReadyAt = Long.MIN_VALUE;
    private int startChunksIn;
    private final boolean[] have;
    /** The next chunk to play; every chunk before it has played or is playing. */
    private int next;
    /** When chunk {@code next} starts playing if it is there (protocol nanoseconds). */
    private long dueAt;
    private long firstAudioAt = -1;
    private int stutters;
    private long stallNanos;
    private long longestStallNanos;

    public Playback(TrackCatalogue catalogue, long playAt) {
        this(catalogue, playAt, Startup.NONE);
    }

    public Playback(TrackCatalogue catalogue, long playAt, Startup startup) {
        this.catalogue = catalogue;
        this.startup = startup;
        this.playAt = playAt;
        this.have = new boolean[catalogue.chunks()];
        this.dueAt = playAt;
    }

    /** Chunk {@code index} is in at time {@code now}; returns false if it was in already. */
    public boolean arrived(int index, long now) {
        if (have[index]) {
            return false;
        }
        have[index] = true;
        int buffer = Math.min(startup.bufferChunks(), have.length);
        if (index < buffer) {
            startChunksIn++;
            startReadyAt = Math.max(startReadyAt, now);
        }
        while (next < have.length && have[next]) {
            long startsAt;
            if (next == 0) {
                if (startChunksIn < buffer) {
                    break; // the start buffer is not full yet
                }
                startsAt = startReadyAt + startup.outputNanos();
                firstAudioAt = startsAt;
            } else if (next == index && now > dueAt) {
                long stall = now - dueAt;
                stutters++;
                stallNanos += stall;
                longestStallNanos = Math.max(longestStallNanos, stall);
                startsAt = now;
            } else {
                startsAt = dueAt; // it was here in time: plays right after the previous chunk
            }
            dueAt = startsAt + catalogue.positionNanos(next + 1) - catalogue.positionNanos(next);
            next++;
        }
        return true;
    }

    /** True once audio has started. */
    public boolean started() {
        return firstAudioAt >= 0;
    }

    /** True when every chunk is in (the end time is then known). */
    public boolean complete() {
        return next == have.length;
    }

    public boolean has(int index) {
        return have[index];
    }

    /** The first chunk not yet in, or {@code chunks} when complete. */
    public int firstMissing() {
        return next;
    }

    /** When the last chunk has played; {@code Long.MAX_VALUE} until every chunk is in. */
    public long endsAt() {
        return complete() ? dueAt : Long.MAX_VALUE;
    }

    /** Where playback is at {@code now}, in nanoseconds of audio (0 before it starts). */
    public long positionAt(long now) {
        if (!started()) {
            return 0;
        }
        // Audio up to the start of chunk `next` is buffered; playback reaches it at dueAt.
        long bufferedEnd = catalogue.positionNanos(next);
        return Math.max(0, Math.min(bufferedEnd, bufferedEnd - (dueAt - now)));
    }

    /** Audio buffered ahead of the playhead at {@code now}, in nanoseconds. */
    public long bufferedNanos(long now) {
        if (!started()) {
            return 0;
        }
        return Math.max(0, dueAt - now);
    }

    /** Protocol time from play to the first audio; -1 before it starts. */
    public long latencyNanos() {
        return firstAudioAt < 0 ? -1 : firstAudioAt - playAt;
    }

    public long playAt() {
        return playAt;
    }

    public int stutters() {
        return stutters;
    }

    public long stallNanos() {
        return stallNanos;
    }

    public long longestStallNanos() {
        return longestStallNanos;
    }
}
