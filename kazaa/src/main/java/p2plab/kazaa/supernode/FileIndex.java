package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.content.Keywords;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/**
 * A supernode's index of its children's files (and its own): by holder, so a child's list can be
 * replaced or dropped at once, and by keyword, so a query looks only at files that carry its
 * rarest word.
 */
public final class FileIndex {
    private final Map<Integer, List<FoundFile>> byHolder = new HashMap<>();
    private final Map<String, Set<FoundFile>> byKeyword = new HashMap<>();
    private int files;

    /** Replaces everything indexed for {@code holder} with {@code shared}. */
    public void replace(PeerRef holder, List<SharedFile> shared) {
        remove(holder.id());
        List<FoundFile> entries = new ArrayList<>(shared.size());
        for (SharedFile f : shared) {
            FoundFile entry = new FoundFile(holder, f);
            entries.add(entry);
            for (String word : Keywords.of(f.name())) {
                byKeyword.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(entry);
            }
        }
        byHolder.put(holder.id(), entries);
        files += entries.size();
    }

    /** Forgets every file of {@code holderId}. */
    public void remove(int holderId) {
        List<FoundFile> entries = byHolder.remove(holderId);
        if (entries == null) {
            return;
        }
        files -= entries.size();
        for (FoundFile entry : entries) {
            for (String word : Keywords.of(entry.file().name())) {
                Set<FoundFile> posting = byKeyword.get(word);
                if (posting != null) {
                    posting.remove(entry);
                    if (posting.isEmpty()) {
                        byKeyword.remove(word);
                    }
                }
            }
        }
    }

    /** Files whose name holds every keyword, except those of {@code excludedHolder} (-1: none). */
    public List<FoundFile> search(List<String> keywords, int excludedHolder) {
        if (keywords.isEmpty()) {
            return List.of();
        }
        Set<FoundFile> rarest = null;
        for (String word : keywords) {
            Set<FoundFile> posting = byKeyword.get(word);
            if (posting == null) {
                return List.of();
            }
            if (rarest == null || posting.size() < rarest.size()) {
                rarest = posting;
            }
        }
        List<FoundFile> found = new ArrayList<>();
        for (FoundFile f : rarest) {
            if (f.holder().id() != excludedHolder && Keywords.of(f.file().name()).containsAll(keywords)) {
                found.add(f);
            }
        }
        return found;
    }

    public boolean holds(int holderId) {
        return byHolder.containsKey(holderId);
    }

    /** Holders indexed. */
    public int holders() {
        return byHolder.size();
    }

    /** Files indexed, over all holders. */
    public int files() {
        return files;
    }
}
