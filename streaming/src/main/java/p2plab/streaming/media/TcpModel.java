package p2plab.streaming.media;

/**
 * What TCP adds to a chunk's arrival that the simulator does not model (it streams every
 * message at the link rate, loss-free): slow start after an idle connection, and recovery of
 * a lost segment. Applied by the listener to each chunk it receives ({@link TcpArrivals}).
 *
 * @param initialWindow segments a sender may send in its first round after the connection was idle
 *                      (0 = no slow start)
 * @param mss           bytes per segment
 * @param lossRate      probability that one segment is lost (0 = none)
 * @param minRtoNanos   what the retransmission timer waits beyond one round trip
 * @param idleNanos     a connection that carried no chunk for this long restarts slow start
 */
public record TcpModel(int initialWindow, int mss, double lossRate, long minRtoNanos, long idleNanos) {

    /** Nothing added (real TCP, or a test that wants the bare simulator). */
    public static final TcpModel NONE = new TcpModel(0, 1460, 0, 0, Long.MAX_VALUE);

    /**
     * The initial window of RFC 3390 (4,380 bytes: 3 segments of 1,460); one segment in a
     * thousand lost (ITU-T Y.1541's loss objective for IP networks, 10^-3); Linux's minimum
     * retransmission timeout (200 ms, which it adds to the smoothed round trip); slow start again
     * after an idle second (RFC 5681 restarts after one retransmission timeout; RFC 6298's is 1 s).
     */
    public static final TcpModel DEFAULT = new TcpModel(3, 1460, 0.001, 200_000_000L, 1_000_000_000L);

    public TcpModel {
        if (initialWindow < 0 || mss < 1 || lossRate < 0 || lossRate >= 1 || minRtoNanos < 0 || idleNanos < 0) {
            throw new IllegalArgumentException("initialWindow >= 0, mss >= 1, 0 <= loss < 1, minRto >= 0 and idle >= 0");
        }
    }

    public int segments(int bytes) {
        return Math.max(1, (bytes + mss - 1) / mss);
    }

    /**
     * Round trips beyond the first that a message of {@code bytes} needs on a connection that
     * restarts slow start: the window starts at {@code initialWindow} segments and doubles each
     * round trip (3, 6, 12: a 16 KiB chunk of 12 segments is in after the third round, 2 extra).
     */
    public int slowStartExtraRounds(int bytes) {
        if (initialWindow == 0) {
            return 0;
        }
        int left = segments(bytes);
        int window = initialWindow;
        int rounds = 0;
        while (left > window) {
            left -= window;
            window *= 2;
            rounds++;
        }
        return rounds;
    }

    /** What recovering lost segment {@code lost} (0-based) of {@code segments} costs: fast retransmit needs three later segments. */
    public long recoveryNanos(int lost, int segments, long rttNanos) {
        return segments - 1 - lost >= 3 ? rttNanos : rttNanos + minRtoNanos;
    }
}
