package p2plab.common.transport.sim;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.transport.Link;
import p2plab.common.transport.PeerHandler;

/** A handler that writes down what it hears, with the virtual time it heard it. */
final class Recorder implements PeerHandler<Blob> {
    record Arrival(long nanos, Blob blob) { }

    record Closed(long nanos, String reason) { }

    final SimTransport sim;
    final List<Arrival> arrivals = new ArrayList<>();
    final List<Closed> closed = new ArrayList<>();
    final List<Link<Blob>> links = new ArrayList<>();

    Recorder(SimTransport sim) {
        this.sim = sim;
    }

    @Override
    public void onConnected(Link<Blob> link) {
        links.add(link);
    }

    @Override
    public void onMessage(Link<Blob> link, Blob message) {
        arrivals.add(new Arrival(sim.clock().nanos(), message));
    }

    @Override
    public void onClosed(Link<Blob> link, String reason) {
        closed.add(new Closed(sim.clock().nanos(), reason));
    }
}
