package p2plab.common.transport;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import p2plab.common.metrics.Metrics;
import p2plab.common.time.Clock;

/**
 * The shared transport that every overlay runs on. Two drivers implement it:
 * {@code SimTransport} (discrete events, virtual time, seeded) and {@code TcpTransport}
 * (Netty, real sockets on 127.0.0.1). Protocol code cannot tell them apart.
 *
 * <p>The outside world (a shell, a test, an experiment) drives the network through
 * {@link #await} and {@link #advance}: in simulation they run events; over TCP they wait.
 * Both may end early with a {@link java.util.concurrent.CancellationException} (the shell's
 * Ctrl-C: over TCP when the waiting thread is interrupted, in simulation when the transport's
 * {@code cancelWhen} condition says so): the network itself carries on, unharmed.
 */
public interface Transport extends AutoCloseable {

    /** {@code "sim"} or {@code "tcp"}, for the people reading results; protocol code never asks (the architecture rules check). */
    String kind();

    /**
     * Whether the network itself makes a connection pay TCP's slow start and loss recovery (true
     * over real sockets). A simulated model adds those costs only where this is false, so that
     * they are never paid twice.
     */
    default boolean paysTcpCosts() {
        return false;
    }

    /** Attaches a new node that listens and speaks {@code format}. */
    <M> Node<M> open(NodeConfig config, WireFormat<M> format, PeerHandler<M> handler);

    /** Every message and byte this transport carried. */
    Metrics metrics();

    /** Network-wide protocol time (for results and reports). */
    Clock clock();

    /**
     * Waits for {@code stage} to complete, at most {@code timeout} of protocol time.
     * In simulation this runs events until the stage completes or time runs out.
     *
     * @throws TimeoutException when {@code timeout} passes first (in simulation also when no
     *         event is left that could complete it)
     */
    <T> T await(CompletionStage<T> stage, Duration timeout) throws TimeoutException;

    /** Lets {@code duration} of protocol time pass (in simulation: runs events up to then). */
    void advance(Duration duration);

    /** Stops everything: every node killed, every port closed, every thread stopped. */
    @Override
    void close();
}
