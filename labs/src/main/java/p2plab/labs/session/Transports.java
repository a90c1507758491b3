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
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new LabException("--time-scale must be a positive number, got " + timeScale);
        }
        return switch (kind) {
            case "sim" -> simulator(seed);
            case "tcp" -> new TcpTransport(TcpOptions.defaults().withTimeScale(timeScale).withSeed(seed));
            default -> throw new LabException("unknown transport '" + kind + "'; choose sim or tcp");
        };
    }
}
