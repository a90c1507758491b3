package p2plab.streaming.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TcpArrivalsTest {
    private static final long MS = 1_000_000L;
    private static final int FRAME = 16_397; // a 16 KiB chunk with its header: 12 segments of 1,460

    /** Answers nextDouble and nextInt from fixed values, to place a loss by hand. */
    private record Fixed(double draw, int segment) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            return draw;
        }

        @Override
        public int nextInt(int bound) {
            return segment;
        }
    }

    private static final RandomGenerator NO_LOSS = new Fixed(0.999_999, 0);

    @Test
    void slowStartSendsThreeThenSixThenTwelveSegments() {
        TcpModel m = TcpModel.DEFAULT;
        assertEquals(12, m.segments(FRAME));
        assertEquals(0, m.slowStartExtraRounds(4_380));  // 3 segments: the first window
        assertEquals(1, m.slowStartExtraRounds(13_140)); // 9 segments: 3 + 6
        assertEquals(2, m.slowStartExtraRounds(FRAME));  // 12 segments: 3 + 6 + 3 of 12
        assertEquals(0, TcpModel.NONE.slowStartExtraRounds(FRAME));
    }

    @Test
    void aColdConnectionDelaysItsFirstChunkAndHoldsTheNextBehindIt() {
        TcpArrivals a = new TcpArrivals(TcpModel.DEFAULT);
        a.roundTrip(50 * MS);
        a.requested(0, false);
        assertEquals(100 * MS + 100 * MS, a.handOver(100 * MS, FRAME, NO_LOSS)); // two more round trips
        assertEquals(200 * MS, a.handOver(110 * MS, FRAME, NO_LOSS)); // in order: not before the one ahead
        assertEquals(300 * MS, a.handOver(300 * MS, FRAME, NO_LOSS)); // warm now
        a.requested(400 * MS, true); // still owed data: the sender never went idle
        assertEquals(2_000 * MS, a.handOver(2_000 * MS, FRAME, NO_LOSS));
        a.requested(3_500 * MS, false); // idle 1.5 s: slow start again
        assertEquals(3_700 * MS, a.handOver(3_600 * MS, FRAME, NO_LOSS));
    }

    @Test
    void aLostSegmentCostsARoundTripOrTheRetransmissionTimer() {
        TcpArrivals a = new TcpArrivals(TcpModel.DEFAULT);
        a.roundTrip(50 * MS);
        a.handOver(0, FRAME, NO_LOSS); // the first chunk: the cold start is spent
        // P(some segment of 12 lost) = 1 - 0.999^12 = 0.01193...
        assertEquals(1_000 * MS + 50 * MS, a.handOver(1_000 * MS, FRAME, new Fixed(0.0119, 8))); // 3 segments follow: fast retransmit
        assertEquals(2_000 * MS + 250 * MS, a.handOver(2_000 * MS, FRAME, new Fixed(0.0119, 9))); // only 2 follow: RTT + 200 ms
        assertEquals(3_000 * MS, a.handOver(3_000 * MS, FRAME, new Fixed(0.0120, 0))); // above the chance: no loss
    }
}
