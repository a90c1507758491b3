package p2plab.labs.session;

import java.lang.reflect.InvocationTargetException;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;

/** Makes the transport a network runs on: the simulator, or real TCP on 127.0.0.1. */
public final class Transports {
    public static final String TCP_CLASS = "p2plab.common.transport.tcp.TcpTransport";
    private static final String TCP_OPTIONS_CLASS = "p2plab.common.transport.tcp.TcpOptions";

    private Transports() {
    }

    public static Transport create(String kind, long seed, double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new LabException("--time-scale must be a positive number, got " + timeScale);
        }
        return switch (kind) {
            case "sim" -> SimTransport.withSeed(seed);
            case "tcp" -> tcp(seed, timeScale);
            default -> throw new LabException("unknown transport '" + kind + "'; choose sim or tcp");
        };
    }

    /**
     * The TCP driver is looked up by name so that the shell builds even where common is
     * packaged without it (helpers' snapshots); in the full build it is always there.
     * TODO(integration): call {@code new TcpTransport(TcpOptions.defaults()...)} directly.
     */
    private static Transport tcp(long seed, double timeScale) {
        try {
            Class<?> optionsClass = Class.forName(TCP_OPTIONS_CLASS);
            Object options = optionsClass.getMethod("defaults").invoke(null);
            options = optionsClass.getMethod("withTimeScale", double.class).invoke(options, timeScale);
            options = optionsClass.getMethod("withSeed", long.class).invoke(options, seed);
            return (Transport) Class.forName(TCP_CLASS).getConstructor(optionsClass).newInstance(options);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new LabException("the TCP transport is not in this build; use --transport sim");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new LabException("could not start the TCP transport: " + cause.getMessage() + "; try --transport sim");
        } catch (ReflectiveOperationException e) {
            throw new LabException("could not start the TCP transport (" + e + "); try --transport sim");
        }
    }
}
