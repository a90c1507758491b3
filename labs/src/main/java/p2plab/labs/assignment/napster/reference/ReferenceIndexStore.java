package p2plab.labs.assignment.napster.reference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import p2plab.common.content.Keywords;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.SharedFile;

/**
 * Lab 1's reference solution, kept as simple as the lab asks: entries in registration order,
 * searched by a scan. (The overlay's own {@code InvertedIndex} is the fast one.)
 */
public final class ReferenceIndexStore implements IndexStore {
    private final List<IndexEntry> entries = new ArrayList<>();

    @Override
    public void register(String peer, SharedFile file) {
        unregister(peer, file.name());
        entries.add(new IndexEntry(peer, file));
    }

    @Override
    public boolean unregister(String peer, String fileName) {
        return entries.removeIf(e -> e.peer().equals(peer) && e.file().name().equals(fileName));
    }

    @Override
    public List<IndexEntry> search(List<String> keywords, int maxResults) {
        List<IndexEntry> found = new ArrayList<>();
        if (keywords.isEmpty()) {
            return found;
        }
        for (Iterator<IndexEntry> it = entries.iterator(); it.hasNext() && found.size() < maxResults; ) {
            IndexEntry e = it.next();
            if (Keywords.of(e.file().name()).containsAll(keywords)) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public int removePeer(String peer) {
        int before = entries.size();
        entries.removeIf(e -> e.peer().equals(peer));
        return before - entries.size();
    }

    @Override
    public int size() {
        return entries.size();
    }
}
