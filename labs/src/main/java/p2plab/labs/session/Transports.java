package p2plab.labs.session;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** Makes the transport a network runs on: the simulator, or real TCP on 127.0.0.1. */
public final class Transports {

    private Transports() {
    }

    /**
     * A simulator that stops between two events when the thread running it is interrupted: the
     * shell's Ctrl-C reaches every simulation the shell runs (networks, experiments, compare).
     */
    public static SimTransport simulator(long seed) {
        return SimTransport.withSeed(seed).cancelWhen(() -> Thread.currentThread().isInterrupted());
    }

    /**
     * @param timeScale TCP only: protocol seconds per real second (the simulator needs none)
     */
    public static Transport create(String kind, long seed, double timeScale) {
        checkTimeScale(timeScale);
        return switch (kind) {
            case "sim" -> simulator(seed);
            case "tcp" -> new TcpTransport(TcpOptions.defaults().withTimeScale(timeScale).withSeed(seed));
            default -> throw new LabException("unknown transport '" + kind + "'; choose sim or tcp");
        };
    }

    /** Slowest and fastest {@code --time-scale}: a settle of 10 protocol seconds then waits 100 s to 10 ms of real time. */
    public static final double MIN_TIME_SCALE = 0.1;
    public static final double MAX_TIME_SCALE = 1000;

    /**
     * Protocol time runs at most 1000 times real time (timers of a few milliseconds), and at least
     * a tenth of it: 1e-9 made `network create` wait 10^10 s for its peers to settle.
     */
    public static void checkTimeScale(double timeScale) {
        if (!(timeScale >= MIN_TIME_SCALE && timeScale <= MAX_TIME_SCALE)) {
            throw new LabException("--time-scale must be between 0.1 and 1000 (10 runs protocol timers ten times faster), got " + timeScale);
        }
    }
}
