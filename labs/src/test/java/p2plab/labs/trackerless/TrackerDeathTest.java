package p2plab.labs.trackerless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.session.Transports;

/**
 * The acceptance story of trackerless BitTorrent in simulation: 200 peers, the tracker killed
 * when the first download is half done. With the DHT beside the tracker every download
 * completes; with the tracker alone the peers that start afterwards find nobody.
 */
class TrackerDeathTest {
    static final TrackerDeath.Setup SWARM = new TrackerDeath.Setup(200, 99, 512 * 1024, 32 * 1024, 128 * 1024, TrackerDeath.Discovery.TRACKER_AND_DHT, 7,
            Duration.ofMillis(500), Duration.ofMinutes(3));

    @Test
    void withTheDhtEveryDownloadCompletesAfterTheTrackerDies() {
        TrackerDeath.Outcome o;
        try (SimTransport sim = Transports.simulator(SWARM.seed())) {
            o = TrackerDeath.run(SWARM, sim);
        }
        assertTrue(o.killedAt() > 0, "the tracker died during the first download: " + o);
        assertEquals(99, o.earlyCompleted(), o.toString());
        assertEquals(100, o.lateWithPeer(), "every late peer found peers through the DHT: " + o);
        assertEquals(100, o.lateCompleted(), "and downloaded the whole file: " + o);
    }

    @Test
    void withTheTrackerAloneTheLatePeersCannotJoin() {
        TrackerDeath.Outcome o;
        try (SimTransport sim = Transports.simulator(SWARM.seed())) {
            o = TrackerDeath.run(SWARM.with(TrackerDeath.Discovery.TRACKER), sim);
        }
        assertTrue(o.killedAt() > 0, o.toString());
        assertEquals(99, o.earlyCompleted(), "the peers that had joined finish without the tracker: " + o);
        assertEquals(0, o.lateWithPeer(), "no late peer had a peer in 3 minutes of retrying the tracker: " + o);
        assertEquals(0, o.lateCompleted(), o.toString());
    }
}
