package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * rarest word. A keyword's entries are a plain list in the order they came (a linked hash set
 * cost some forty bytes an entry, and a supernode indexes every file of its children under each
 * word of its name); dropping a holder filters each of its words' lists once.
 */
public final class FileIndex {
    private final Map<Integer, List<FoundFile>> byHolder = new HashMap<>();
    private final Map<String, List<FoundFile>> byKeyword = new HashMap<>();
    private int files;

    /** Replaces everything indexed for {@code holder} with {@code shared}. */
    public void replace(PeerRef holder, List<SharedFile> shared) {
        remove(holder.id());
        List<FoundFile> entries = new ArrayList<>(shared.size());
        for (SharedFile f : shared) {
            FoundFile entry = new FoundFile(holder, f);
            entries.add(entry);
            for (String word : Keywords.of(f.name())) {
                List<FoundFile> posting = byKeyword.get(word);
                if (posting == null) {
                    posting = new ArrayList<>(2);
                    byKeyword.put(word.intern(), posting); // a thousand supernodes index the same few hundred words
                }
                if (posting.isEmpty() || posting.get(posting.size() - 1) != entry) { // a word twice in one name: listed once
                    posting.add(entry);
                }
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
        Set<String> words = new HashSet<>();
        for (FoundFile entry : entries) {
            words.addAll(Keywords.of(entry.file().name()));
        }
        for (String word : words) {
            List<FoundFile> posting = byKeyword.get(word);
            if (posting != null) {
                posting.removeIf(e -> e.holder().id() == holderId);
                if (posting.isEmpty()) {
                    byKeyword.remove(word);
                }
            }
        }
    }

    /** Files whose name holds every keyword, except those of {@code excludedHolder} (-1: none). */
    public List<FoundFile> search(List<String> keywords, int excludedHolder) {
        if (keywords.isEmpty()) {
            return List.of();
        }
        List<FoundFile> rarest = null;
        for (String word : keywords) {
            List<FoundFile> posting = byKeyword.get(word);
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
