package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.content.ContentId;

/**
 * The holders this servent's own searches found, by file: where it may download from. A
 * servent knows no other source (there is no index and no view of the whole network), so a file
 * it never found is a file it cannot fetch. Bounded: the files found most recently, a few
 * holders each, in the order they were found (the first hit usually came from the nearest).
 */
final class FoundSources {
    static final int MAX_FILES = 1_024;
    static final int MAX_HOLDERS_PER_FILE = 16;

    /** Made at the first hit: most servents of a large simulation never search. */
    private Map<ContentId, List<FoundFile>> byContent = Map.of();

    /** Remembers {@code hit} as a source of its file; a holder found again keeps its place, with the newer hit. */
    void add(FoundFile hit) {
        if (byContent.isEmpty()) {
            byContent = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ContentId, List<FoundFile>> eldest) {
                    return size() > MAX_FILES;
                }
            };
        }
        List<FoundFile> holders = byContent.computeIfAbsent(hit.content(), c -> new ArrayList<>(2));
        for (int i = 0; i < holders.size(); i++) {
            if (holders.get(i).holder().equals(hit.holder())) {
                holders.set(i, hit);
                return;
            }
        }
        if (holders.size() < MAX_HOLDERS_PER_FILE) {
            holders.add(hit);
        }
    }

    /** The holders found for {@code content}, in the order found; empty when no search found it. */
    List<FoundFile> holdersOf(ContentId content) {
        List<FoundFile> holders = byContent.get(content);
        return holders == null ? List.of() : List.copyOf(holders);
    }

    int files() {
        return byContent.size();
    }
}
