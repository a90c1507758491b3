package p2plab.streaming.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.streaming.media.SourceKind;

/**
 * What a whole network's listeners measured: every finished play, bytes by source, and the
 * origin's egress per time bin. Shared by the network's nodes, so it locks (over TCP they run
 * on several threads); in simulation the locks are never contended.
 */
public final class PlayLog {
    private final long binNanos;
    private final List<PlayRecord> plays = new ArrayList<>();
    private final long[] bytes = new long[SourceKind.values().length];
    private long wastedBytes;
    private long[] originEgress = new long[16];

    /** @param binNanos width of one bin of the origin's egress series */
    public PlayLog(long binNanos) {
        if (binNanos <= 0) {
            throw new IllegalArgumentException("egress bin must be positive");
        }
        this.binNanos = binNanos;
    }

    public synchronized void played(PlayRecord play) {
        plays.add(play);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] += play.bytes()[i];
        }
    }

    /** Bytes that arrived twice (a re-request raced the first answer). */
    public synchronized void wasted(long n) {
        wastedBytes += n;
    }

    /** The origin sent {@code n} bytes of audio at {@code nowNanos}. */
    public synchronized void originSent(long nowNanos, long n) {
        int bin = (int) Math.min(Integer.MAX_VALUE - 1, nowNanos / binNanos);
        if (bin >= originEgress.length) {
            originEgress = Arrays.copyOf(originEgress, Math.max(bin + 1, originEgress.length * 2));
        }
        originEgress[bin] += n;
    }

    public synchronized List<PlayRecord> plays() {
        return List.copyOf(plays);
    }

    public synchronized long bytes(SourceKind kind) {
        return bytes[kind.ordinal()];
    }

    public synchronized long wastedBytes() {
        return wastedBytes;
    }

    /** Origin bytes per bin, from time 0 to the last bin with traffic. */
    public synchronized long[] originEgress() {
        int last = originEgress.length - 1;
        while (last >= 0 && originEgress[last] == 0) {
            last--;
        }
        return Arrays.copyOf(originEgress, last + 1);
    }

    public synchronized long originBytes() {
        return Arrays.stream(originEgress).sum();
    }

    public long binNanos() {
        return binNanos;
    }

    /** Every play's figures summed up. */
    public synchronized PlaySummary summary() {
        return PlaySummary.of(plays, bytes);
    }
}
