package p2plab.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Transport;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.workload.Popularity;

/** Workloads the scenario tests share. */
final class Scenarios {
    private Scenarios() {
    }

    /**
     * One round: every listener plays one track drawn by popularity, starting within
     * {@code spreadSeconds}; waits for all of them to end. Returns the round's plays.
     */
    static List<PlayRecord> round(StreamingNetwork n, Popularity p, SplittableRandom r, double spreadSeconds)
            throws Exception {
        Transport t = n.transport();
        List<CompletableFuture<PlayRecord>> plays = new ArrayList<>();
        List<PeerId> listeners = n.listeners();
        long[] at = new long[listeners.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = (long) (r.nextDouble() * spreadSeconds * 1e9);
        }
        int[] order = java.util.stream.IntStream.range(0, at.length).boxed()
                .sorted(java.util.Comparator.comparingLong(i -> at[i])).mapToInt(Integer::intValue).toArray();
        long start = t.clock().nanos();
        for (int i : order) {
            long wait = start + at[i] - t.clock().nanos();
            if (wait > 0) {
                t.advance(Duration.ofNanos(wait));
            }
            plays.add(n.play(listeners.get(i), p.pick(r), -1));
        }
        List<PlayRecord> out = new ArrayList<>();
        for (CompletableFuture<PlayRecord> f : plays) {
            out.add(t.await(f, Duration.ofHours(2)));
        }
        return out;
    }

    static PlaySummary summary(List<PlayRecord> plays) {
        p2plab.streaming.measure.PlayLog log = new p2plab.streaming.measure.PlayLog(60_000_000_000L);
        plays.forEach(log::played);
        return log.summary();
    }
}
