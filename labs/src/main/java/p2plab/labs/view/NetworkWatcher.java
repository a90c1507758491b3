package p2plab.labs.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Topology;

/**
 * Follows one network's topology from tick to tick and says what changed: peers that came up,
 * were killed or revived, roles that changed (a supernode elected), and whether the graph's
 * shape changed so the page needs it whole again.
 */
final class NetworkWatcher {
    private Network network;
    private Map<String, Frames.Peer> last = Map.of();
    private List<List<String>> lastEdges = List.of();

    /** What one look found. {@code topology} is null when the shape did not change. */
    record Change(Frames.Topology topology, List<ViewEvent> events) {
    }

    /** Looks at {@code current} (null: no network) and reports the differences since the last look. */
    Change look(Network current, String name) {
        boolean switched = current != network;
        network = current;
        if (current == null) {
            if (switched) {
                last = Map.of();
                lastEdges = List.of();
                return new Change(new Frames.Topology(null, null, List.of(), List.of()), List.of());
            }
            return new Change(null, List.of());
        }
        Topology t = current.topology();
        Map<String, Frames.Peer> now = new HashMap<>();
        List<Frames.Peer> peers = new ArrayList<>();
        for (PeerInfo p : t.peers()) {
            Frames.Peer v = new Frames.Peer(p.id().label(), p.role().name().toLowerCase(java.util.Locale.ROOT), p.alive(), p.details());
            now.put(v.id(), v);
            peers.add(v);
        }
        List<List<String>> edges = new ArrayList<>();
        for (Topology.Edge e : t.edges()) {
            edges.add(List.of(label(e.a()), label(e.b())));
        }
        List<ViewEvent> events = new ArrayList<>();
        boolean shape = switched || !edges.equals(lastEdges) || !now.keySet().equals(last.keySet());
        for (Frames.Peer p : peers) {
            Frames.Peer before = last.get(p.id());
            if (before == null) {
                if (!switched) {
                    events.add(ViewEvent.peer("up", p.id()));
                }
            } else {
                if (before.alive() && !p.alive()) {
                    events.add(ViewEvent.peer("killed", p.id()));
                } else if (!before.alive() && p.alive()) {
                    events.add(ViewEvent.peer("revived", p.id()));
                }
                if (!before.role().equals(p.role())) {
                    events.add(ViewEvent.role(p.id(), p.role()));
                }
                if (!before.details().equals(p.details())) {
                    shape = true; // pieces and children live in the details: the page redraws from the frame
                }
            }
        }
        last = now;
        lastEdges = edges;
        return new Change(shape ? new Frames.Topology(name, current.overlay(), peers, edges) : null, events);
    }

    private static String label(PeerId id) {
        return id.label();
    }
}
