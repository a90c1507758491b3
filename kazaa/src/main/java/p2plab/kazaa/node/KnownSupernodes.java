package p2plab.kazaa.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import p2plab.kazaa.wire.PeerRef;

/**
 * The supernodes an ordinary node has heard of, by id, in the order first heard (a ref heard
 * again replaces the old one in its place). A plain list: it holds at most
 * {@code KazaaMessage.MAX_LIST} refs, and nearly every peer of a network keeps one, so no
 * hash table and no boxed id per entry.
 */
final class KnownSupernodes {
    private final ArrayList<PeerRef> refs = new ArrayList<>(0);

    /** Remembers {@code r}, replacing the ref of the same id. */
    void put(PeerRef r) {
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).id() == r.id()) {
                refs.set(i, r);
                return;
            }
        }
        refs.add(r);
    }

    void remove(int id) {
        refs.removeIf(r -> r.id() == id);
    }

    void clear() {
        refs.clear();
        refs.trimToSize();
    }

    int size() {
        return refs.size();
    }

    /** The refs in the order first heard; a view, so copy it before changing this. */
    List<PeerRef> values() {
        return Collections.unmodifiableList(refs);
    }
}
