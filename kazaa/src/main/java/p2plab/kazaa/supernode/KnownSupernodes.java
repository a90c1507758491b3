package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** {@code ids[i]} is {@code refs.get(i).id()}: a supernode checks every ref a hello names, and reading ids side by side spares a trip to each ref. */
    private int[] ids = new int[0];

    /** Remembers {@code r}, replacing the ref of the same id. */
    public void put(PeerRef r) {
        int i = indexOf(r.id());
        if (i >= 0) {
            refs.set(i, r);
            return;
        }
        if (refs.size() == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(4, ids.length * 2));
        }
        ids[refs.size()] = r.id();
        refs.add(r);
    }

    /** Remembers {@code r} if it is known already (its new ref replaces the old) or fewer than {@code max} are known. */
    public void putIfKnownOrRoom(PeerRef r, int max) {
        int i = indexOf(r.id());
        if (i >= 0) {
            refs.set(i, r);
        } else if (refs.size() < max) {
            put(r);
        }
    }

    public void remove(int id) {
        int i = indexOf(id);
        if (i >= 0) { // put keeps ids unique
            refs.remove(i);
            System.arraycopy(ids, i + 1, ids, i, refs.size() - i);
        }
    }

    public void clear() {
        refs.clear();
        refs.trimToSize();
        ids = new int[0];
    }

    public boolean contains(int id) {
        return indexOf(id) >= 0;
    }

    private int indexOf(int id) {
        for (int i = 0, n = refs.size(); i < n; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return refs.size();
    }

    /** The refs in the order first heard; a view, so copy it before changing this. */
    public List<PeerRef> values() {
        return Collections.unmodifiableList(refs);
    }
}
