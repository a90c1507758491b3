package p2plab.napster.index;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.Keywords;

/** The obvious index, a list scanned on every search: the oracle the inverted index is checked against. */
final class ScanIndex implements IndexStore {
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
        List<IndexEntry> out = new ArrayList<>();
        if (keywords.isEmpty()) {
            return out;
        }
        for (IndexEntry e : entries) {
            if (out.size() >= maxResults) {
                break;
            }
            if (Keywords.of(e.file().name()).containsAll(keywords)) {
                out.add(e);
            }
        }
        return out;
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
