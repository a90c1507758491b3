package p2plab.streaming.workload;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Transport;
import p2plab.streaming.StreamingNetwork;
import p2plab.streaming.StreamingOverlay;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.policy.RescuePolicy;

/**
 * A population follows a {@link Workload} on one network: each listener's cache is first warmed
 * with {@code historyPlays} plays drawn by popularity (its past), then every listener follows
 * its plan and the transport runs for the workload's duration plus an hour, so sessions that
 * start late finish. The experiment, the day benchmark and Lab 8's grader all run this.
 */
public final class DayRun {
    private DayRun() {
    }

    /**
     * @param transport a fresh transport (in simulation: with {@code Geography::latencyNanos} as its latency)
     * @param policy    the listeners' rescue policy, or null for Spotify's with the options' numbers
     * @return the network's log once the run is over (the network is closed)
     */
    public static PlayLog run(Transport transport, NetworkSpec spec, RescuePolicy policy, Workload workload,
                              int historyPlays, long seed) {
        return run(transport, spec, policy, workload, historyPlays, seed, () -> { });
    }

    /** As above; {@code beforeClose} runs once the day is over, with the network still up (to weigh its heap). */
    public static PlayLog run(Transport transport, NetworkSpec spec, RescuePolicy policy, Workload workload,
                              int historyPlays, long seed, Runnable beforeClose) {
        StreamingNetwork n = (StreamingNetwork) new StreamingOverlay(policy).create(spec, transport);
        try {
            transport.advance(Duration.ofSeconds(1));
            SplittableRandom r = new SplittableRandom(seed);
            List<PeerId> ids = n.listeners();
            for (PeerId id : ids) {
                int[] played = new int[historyPlays];
                for (int i = 0; i < historyPlays; i++) {
                    played[i] = workload.popularity().pick(r);
                }
                n.warm(id, played);
            }
            transport.advance(Duration.ofSeconds(1));
            List<List<ListeningSession>> plans = workload.plans(ids.size(), n.options().catalogue(), r.nextLong());
            for (int i = 0; i < ids.size(); i++) {
                n.follow(ids.get(i), plans.get(i));
            }
            transport.advance(Duration.ofSeconds((long) workload.durationSeconds() + 3_600));
            beforeClose.run();
            return n.log();
        } finally {
            n.close();
        }
    }
}
