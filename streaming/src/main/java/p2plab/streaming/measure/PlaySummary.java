package p2plab.streaming.measure;

import java.util.Arrays;
import java.util.List;
import p2plab.streaming.media.SourceKind;

/**
 * The overall figures of a set of plays: latency median and p99, stutters, and the share of
 * played bytes by source — the figures Kreitz and Niemelä report for Spotify.
 *
 * @param plays             plays finished
 * @param medianLatencyMs   median time from play to first audio
 * @param p99LatencyMs      99th percentile of it
 * @param stuttersPerPlay   stutters divided by plays
 * @param playsWithStutter  share of plays with at least one stutter (0..1)
 * @param shares            share of bytes by {@link SourceKind} ordinal (0..1 each, summing to 1)
 * @param networkStarts     share of plays whose first audio waited for the network (chunk 0 neither cached nor prefetched)
 * @param medianNetworkLatencyMs median latency of those plays alone
 */
public record PlaySummary(int plays, double medianLatencyMs, double p99LatencyMs, double stuttersPerPlay,
                          double playsWithStutter, double[] shares, double networkStarts, double medianNetworkLatencyMs) {

    public PlaySummary {
        shares = shares.clone();
    }

    public double share(SourceKind kind) {
        return shares[kind.ordinal()];
    }

    static PlaySummary of(List<PlayRecord> plays, long[] bytes) {
        int n = plays.size();
        long[] latencies = new long[n];
        long[] waited = new long[n];
        int waits = 0;
        long stutters = 0;
        int stuttered = 0;
        for (int i = 0; i < n; i++) {
            PlayRecord p = plays.get(i);
            latencies[i] = p.latencyNanos();
            if (!p.localStart()) {
                waited[waits++] = p.latencyNanos();
            }
            stutters += p.stutters();
            stuttered += p.stutters() > 0 ? 1 : 0;
        }
        Arrays.sort(latencies);
        waited = Arrays.copyOf(waited, waits);
        Arrays.sort(waited);
        long total = Arrays.stream(bytes).sum();
        double[] shares = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            shares[i] = total == 0 ? 0 : (double) bytes[i] / total;
        }
        return new PlaySummary(n, percentile(latencies, 0.5) / 1e6, percentile(latencies, 0.99) / 1e6,
                n == 0 ? 0 : (double) stutters / n, n == 0 ? 0 : (double) stuttered / n, shares,
                n == 0 ? 0 : (double) waited.length / n, percentile(waited, 0.5) / 1e6);
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d plays, latency median %.0f ms p99 %.0f ms (%.0f%% of plays waited "
                        + "for the network, median %.0f ms), %.3f stutters/play (%.1f%% of plays), server %.1f%% edge %.1f%% "
                        + "peers %.1f%% cache %.1f%%", plays, medianLatencyMs, p99LatencyMs, 100 * networkStarts,
                medianNetworkLatencyMs, stuttersPerPlay, 100 * playsWithStutter, 100 * shares[0], 100 * shares[1],
                100 * shares[2], 100 * shares[3]);
    }
}
