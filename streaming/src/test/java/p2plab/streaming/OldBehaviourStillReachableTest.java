package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerSpec;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.workload.DayRun;
import p2plab.streaming.workload.Popularity;
import p2plab.streaming.workload.SessionLengths;
import p2plab.streaming.workload.Workload;

/**
 * With the key round trip off ({@code drm=off}) and nobody skipping ({@code Skips.NONE}), the
 * model is the one before either existed: the figures below were measured on that model (commit
 * f814134) for this exact run — 40 listeners, 50 tracks of 40 s, caches of 10 warmed with 10
 * plays, an hour of sessions, seed 7 — and must come back to the byte and the nanosecond.
 */
class OldBehaviourStillReachableTest {

    private static PlayLog run(String mode, String drm) {
        Map<String, String> o = new HashMap<>(Fixtures.SHORT_TRACKS);
        o.put("mode", mode);
        o.put("cache", "10");
        if (drm != null) {
            o.put("drm", drm);
        }
        NetworkSpec spec = NetworkSpec.of("old", 40, 7).withPeerSpec(PeerSpec.rates(100_000, 1_000_000)).withOptions(o);
        Workload w = new Workload(Popularity.spotify(50), SessionLengths.DEFAULT, 6, 0.61, 3_600, Workload.FlashCrowd.NONE);
        return DayRun.run(Fixtures.sim(7), spec, null, w, 10, 7);
    }

    private static long latencySum(PlayLog log) {
        return log.plays().stream().mapToLong(p -> p.latencyNanos()).sum();
    }

    @Test
    void theHybridWithoutKeyOrSkipsGivesTheOldFiguresExactly() {
        PlayLog log = run("hybrid", "off");
        assertEquals(287, log.plays().size());
        assertEquals(16_846_848, log.originBytes());
        assertEquals(40_753_152, log.bytes(SourceKind.PEER));
        assertEquals(172_000_000, log.bytes(SourceKind.CACHE));
        assertEquals(18_546_326_000L, latencySum(log));
        assertEquals(0, log.plays().stream().filter(p -> p.skipped()).count());
    }

    @Test
    void theSingleServerPaysNoKeyByDefaultAndGivesTheOldFiguresExactly() {
        PlayLog log = run("server", null);
        assertEquals(287, log.plays().size());
        assertEquals(57_600_000, log.originBytes());
        assertEquals(172_000_000, log.bytes(SourceKind.CACHE));
        assertEquals(26_917_824_000L, latencySum(log));
    }
}
