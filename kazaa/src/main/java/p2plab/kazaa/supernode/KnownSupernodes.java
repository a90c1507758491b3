package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import p2plab.kazaa.wire.PeerRef;

/**
 * The supernodes a peer has heard of (an ordinary node to fail over to, a supernode to link
 * to), by id, in the order first heard (a ref heard again replaces the old one in its place).
 * A plain list: it holds at most {@code KazaaMessage.MAX_LIST} refs, and every peer of a
 * network keeps one, so no hash table and no boxed id per entry.
 */
public final class KnownSupernodes {
    private final ArrayList<PeerRef> refs = new ArrayList<>(0);

    /** Remembers {@code r}, replacing the ref of the same id. */
    public void put(PeerRef r) {
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).id() == r.id()) {
                refs.set(i, r);
                return;
            }
        }
        refs.add(r);
    }

    public void remove(int id) {
        refs.removeIf(r -> r.id() == id);
    }

    public void clear() {
        refs.clear();
        refs.trimToSize();
    }

    public boolean contains(int id) {
        for (PeerRef r : refs) {
            if (r.id() == id) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return refs.size();
    }

    /** The refs in the order first heard; a view, so copy it before changing this. */
    public List<PeerRef> values() {
        return Collections.unmodifiableList(refs);
    }
}
