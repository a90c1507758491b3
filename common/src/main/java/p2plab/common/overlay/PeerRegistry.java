package p2plab.common.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bookkeeping every {@link Network} needs: its peers by id (ids are handed out 0, 1, 2...),
 * and the one-line errors a user sees for an id that does not exist or a peer that is down.
 *
 * @param <P> the overlay's peer class
 */
public final class PeerRegistry<P> {
    private final List<P> peers = new ArrayList<>();
    private final Predicate<P> isAlive;

    /** @param isAlive tells whether a peer is running */
    public PeerRegistry(Predicate<P> isAlive) {
        this.isAlive = isAlive;
    }

    /** The id the next {@link #add} will hand out. */
    public PeerId nextId() {
        return PeerId.of(peers.size());
    }

    public PeerId add(P peer) {
        peers.add(peer);
        return PeerId.of(peers.size() - 1);
    }

    /** Puts a new incarnation of a peer under its old id (after a revive). */
    public void replace(PeerId id, P peer) {
        get(id);
        peers.set(id.value(), peer);
    }

    /** The peer, dead or alive; an unknown id is an {@link OverlayException}. */
    public P get(PeerId id) {
        if (id.value() >= peers.size()) {
            throw new OverlayException("there is no peer " + id + " in this network (ids 0.." + (peers.size() - 1)
                    + "); `peer list` shows them");
        }
        return peers.get(id.value());
    }

    /** The peer if it is running; a dead one is an {@link OverlayException}. */
    public P alive(PeerId id) {
        P p = get(id);
        if (!isAlive.test(p)) {
            throw new OverlayException("peer " + id + " is down; revive it with `peer revive " + id + "` or use another peer");
        }
        return p;
    }

    public boolean isAlive(PeerId id) {
        return id.value() < peers.size() && isAlive.test(peers.get(id.value()));
    }

    /** Every id, in order. */
    public List<PeerId> ids() {
        List<PeerId> ids = new ArrayList<>(peers.size());
        for (int i = 0; i < peers.size(); i++) {
            ids.add(PeerId.of(i));
        }
        return ids;
    }

    /** The running peers' ids, in order. */
    public List<PeerId> aliveIds() {
        List<PeerId> ids = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            if (isAlive.test(peers.get(i))) {
                ids.add(PeerId.of(i));
            }
        }
        return ids;
    }

    public List<P> all() {
        return List.copyOf(peers);
    }

    /** Whether any peer is dead (stops at the first one). */
    public boolean anyDead() {
        for (P p : peers) {
            if (!isAlive.test(p)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return peers.size();
    }
}
