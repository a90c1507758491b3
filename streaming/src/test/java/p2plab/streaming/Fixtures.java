package p2plab.streaming;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.geo.Geography;
import p2plab.streaming.policy.RescuePolicy;

/** Builds small streaming networks on the simulator for the scenario tests. */
final class Fixtures {
    /** Short tracks keep scenarios fast: 40 s of audio at 20,000 B/s, in 16 KiB chunks. */
    static final Map<String, String> SHORT_TRACKS = Map.of("tracks", "50", "trackBytes", "800000", "bitrate", "20000");

    private Fixtures() {
    }

    /** A simulator whose link latencies follow the default geography. */
    static SimTransport sim(long seed) {
        Geography g = Geography.DEFAULT;
        return new SimTransport(SimConfig.seeded(seed).withLatency(g::latencyNanos).withFailureDetection(Duration.ofSeconds(1)));
    }

    static Map<String, String> options(Map<String, String> base, String... keyValues) {
        Map<String, String> o = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }

    static StreamingNetwork network(SimTransport sim, int listeners, PeerSpec listener, Map<String, String> options,
                                    RescuePolicy policy) {
        NetworkSpec spec = NetworkSpec.of("test", listeners, 1).withPeerSpec(listener).withOptions(options);
        StreamingNetwork n = (StreamingNetwork) new StreamingOverlay(policy).create(spec, sim);
        sim.advance(Duration.ofSeconds(1));
        return n;
    }
}
