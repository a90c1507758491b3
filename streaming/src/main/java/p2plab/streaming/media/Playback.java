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
    /** Audio waits for the track's key until it is in ({@link #awaitKey}, {@link #keyArrived}). */
    private boolean keyPending;
    private long keyAt = Long.MIN_VALUE;
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
        if (index < Math.min(startup.bufferChunks(), have.length)) {
            startChunksIn++;
            startReadyAt = Math.max(startReadyAt, now);
        }
        advance(index, now);
        return true;
    }

    /** Audio may not start before {@link #keyArrived} (the key was asked for; call before any arrival). */
    public void awaitKey() {
        keyPending = true;
    }

    /** The track's decryption key is in at {@code now}: audio may start once the start buffer is in too. */
    public void keyArrived(long now) {
        if (keyPending) {
            keyPending = false;
            keyAt = now;
            advance(-1, now);
        }
    }

    public boolean waitsForKey() {
        return keyPending;
    }

    /** Plays what can play after chunk {@code index} (or the key, -1) came in at {@code now}. */
    private void advance(int index, long now) {
        int buffer = Math.min(startup.bufferChunks(), have.length);
        while (next < have.length && have[next]) {
            long startsAt;
            if (next == 0) {
                if (startChunksIn < buffer || keyPending) {
                    break; // the start buffer, or the key, is not in yet
                }
                startsAt = Math.max(startReadyAt, keyAt) + startup.outputNanos();
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

    /** When audio started (protocol nanoseconds); -1 before it starts. */
    public long firstAudioAt() {
        return firstAudioAt;
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
