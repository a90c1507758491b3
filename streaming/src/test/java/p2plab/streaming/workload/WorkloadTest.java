package p2plab.streaming.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.media.TrackCatalogue;

class WorkloadTest {

    @Test
    void theDefaultSkewGivesTheTop12PercentOfTracks88PercentOfPlays() {
        Popularity p = Popularity.spotify(10_000);
        assertEquals(0.88, p.shareOfTop(1_200), 0.001);
        SplittableRandom r = new SplittableRandom(1);
        int top = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            top += p.pick(r) < 1_200 ? 1 : 0;
        }
        assertEquals(0.88, (double) top / n, 0.005);
    }

    @Test
    void weibullSessionsHaveTheirTheoreticalMean() {
        SessionLengths s = new SessionLengths(0.5, 1_800);
        assertEquals(3_600, s.meanSeconds(), 1); // 1800 * Gamma(3) = 3600
        SplittableRandom r = new SplittableRandom(2);
        double sum = 0;
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            sum += s.sampleSeconds(r);
        }
        assertEquals(3_600, sum / n, 60);
    }

    @Test
    void aboutSixtyOnePercentOfFollowOnPlaysAreInAlbumOrder() {
        TrackCatalogue c = new TrackCatalogue(1_000, 4_800_000, 16_384, 20_000);
        List<List<ListeningSession>> plans = Workload.spotify(1_000, 86_400).plans(2_000, c, 3);
        long followOns = 0;
        long predictable = 0;
        for (List<ListeningSession> plan : plans) {
            long free = 0;
            for (ListeningSession s : plan) {
                assertTrue(s.startNanos() >= free, "sessions of one listener never overlap");
                free = s.startNanos() + s.tracks().length * c.durationNanos();
                for (int i = 1; i < s.tracks().length; i++) {
                    followOns++;
                    if (s.predictable()[i]) {
                        predictable++;
                        assertEquals((s.tracks()[i - 1] + 1) % 1_000, s.tracks()[i]);
                    }
                }
            }
        }
        assertEquals(0.61, (double) predictable / followOns, 0.01);
    }

    @Test
    void aFlashCrowdPlaysTheNewReleaseWithinItsWindow() {
        TrackCatalogue c = new TrackCatalogue(1_000, 4_800_000, 16_384, 20_000);
        Workload w = Workload.spotify(1_000, 7_200).withCrowd(new Workload.FlashCrowd(999, 0.5, 600, 300));
        List<List<ListeningSession>> plans = w.plans(4_000, c, 4);
        int crowd = 0;
        for (List<ListeningSession> plan : plans) {
            for (ListeningSession s : plan) {
                if (s.tracks().length == 1 && s.tracks()[0] == 999 && s.startNanos() >= 600e9) {
                    crowd++;
                    break;
                }
            }
        }
        assertEquals(2_000, crowd, 120);
    }
}
