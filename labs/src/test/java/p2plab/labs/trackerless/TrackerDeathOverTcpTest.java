package p2plab.labs.trackerless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Transport;
import p2plab.labs.session.Transports;

/**
 * The same story as {@link TrackerDeathTest} on the TCP driver, small: ten real BitTorrent
 * clients on 127.0.0.1, each with a real DHT node on UDP. Protocol time runs four times faster
 * than the wall clock, so the 40 s the late peers get take 10 s.
 */
class TrackerDeathOverTcpTest {
    static final TrackerDeath.Setup SWARM = new TrackerDeath.Setup(10, 4, 256 * 1024, 16 * 1024, 128 * 1024, TrackerDeath.Discovery.TRACKER_AND_DHT, 3,
            Duration.ofMillis(200), Duration.ofSeconds(40));
    /** Protocol seconds per real second: enough to keep the test short, little enough that a busy machine keeps up. */
    static final double SCALE = 4;

    @Test
    void withTheDhtTheLatePeersJoinOverRealUdp() {
        TrackerDeath.Outcome o;
        try (Transport tcp = Transports.create("tcp", SWARM.seed(), SCALE)) {
            o = TrackerDeath.run(SWARM, tcp);
        }
        assertTrue(o.killedAt() > 0, o.toString());
        assertEquals(4, o.earlyCompleted(), o.toString());
        assertEquals(5, o.lateWithPeer(), "every late peer found peers through the DHT: " + o);
        assertEquals(5, o.lateCompleted(), o.toString());
    }

    @Test
    void withTheTrackerAloneTheLatePeersCannotJoin() {
        TrackerDeath.Outcome o;
        try (Transport tcp = Transports.create("tcp", SWARM.seed(), SCALE)) {
            o = TrackerDeath.run(SWARM.with(TrackerDeath.Discovery.TRACKER), tcp);
        }
        assertEquals(4, o.earlyCompleted(), o.toString());
        assertEquals(0, o.lateWithPeer(), o.toString());
        assertEquals(0, o.lateCompleted(), o.toString());
    }
}
