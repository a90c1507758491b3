package p2plab.napster.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.content.Keywords;

/**
 * The default index: an inverted keyword index, as a search engine keeps one. Every entry gets
 * an increasing number; each keyword maps to the sorted list of entry numbers whose name holds
 * it (its posting list). A search walks the shortest posting list and keeps the entries that
 * the other lists also hold, so its cost follows the rarest keyword, not the index size.
 *
 * <p>Common words (in at least 1/32 of the entries) also keep a bitset of their entries, so
 * checking a candidate against them costs one bit test.
 *
 * <p>Removing an entry only blanks its slot; when blanks outnumber live entries the index is
 * renumbered in one pass (posting lists stay sorted, because renumbering keeps the order).
 */
public final class InvertedIndex implements IndexStore {
    private static final int MIN_COMPACT = 4096;
    /** A word in at least 1/32 of the entries gets a bitset (next/8 bytes, at most its list's 4 bytes an entry). */
    private static final int DENSE_RATIO = 32;

    // Entry number n is (peers[n], files[n]); files[n] is null once removed. Two arrays rather
    // than an IndexEntry each: the index holds every share of the network, and a search makes
    // entries only for its answers.
    private String[] peers = new String[1024];
    private SharedFile[] files = new SharedFile[1024];
    private int next;
    private int live;
    private final Map<String, IntList> postings = new HashMap<>();
    private final Map<String, IntList> byPeer = new HashMap<>();

    @Override
    public void register(String peer, SharedFile file) {
        IntList mine = byPeer.computeIfAbsent(peer, p -> new IntList());
        int old = find(mine, file.name());
        if (old >= 0) {
            files[mine.get(old)] = null;
            live--;
            mine.removeAt(old);
        }
        if (next == files.length) {
            peers = Arrays.copyOf(peers, next * 2);
            files = Arrays.copyOf(files, next * 2);
        }
        int id = next++;
        peers[id] = peer;
        files[id] = file;
        live++;
        mine.add(id);
        for (String word : Keywords.of(file.name())) {
            IntList list = postings.computeIfAbsent(word, w -> new IntList());
            if (list.size() == 0 || list.last() != id) { // a word twice in one name: list it once
                list.add(id);
            }
        }
        maybeCompact();
    }

    @Override
    public boolean unregister(String peer, String fileName) {
        IntList mine = byPeer.get(peer);
        if (mine == null) {
            return false;
        }
        int at = find(mine, fileName);
        if (at < 0) {
            return false;
        }
        files[mine.get(at)] = null;
        live--;
        mine.removeAt(at);
        if (mine.size() == 0) {
            byPeer.remove(peer);
        }
        maybeCompact();
        return true;
    }

    @Override
    public int removePeer(String peer) {
        IntList mine = byPeer.remove(peer);
        if (mine == null) {
            return 0;
        }
        for (int i = 0; i < mine.size(); i++) {
            files[mine.get(i)] = null;
        }
        live -= mine.size();
        maybeCompact();
        return mine.size();
    }

    @Override
    public List<IndexEntry> search(List<String> keywords, int maxResults) {
        if (keywords.isEmpty() || maxResults <= 0) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>(keywords);
        IntList[] lists = new IntList[distinct.size()];
        int k = 0;
        for (String word : distinct) {
            IntList list = postings.get(word);
            if (list == null) {
                return List.of(); // a keyword nobody has: nothing can match
            }
            lists[k++] = list;
        }
        Arrays.sort(lists, Comparator.comparingInt(IntList::size));
        IntList shortest = lists[0];
        for (int l = 1; l < lists.length; l++) {
            if ((long) lists[l].size() * DENSE_RATIO >= next) {
                lists[l].indexBits(); // a common word: a bitset is no bigger than its list, and O(1) to test
            }
        }
        int[] cursor = new int[lists.length];
        List<IndexEntry> out = new ArrayList<>(Math.min(maxResults, 16));
        candidates:
        for (int i = 0; i < shortest.size() && out.size() < maxResults; i++) {
            int id = shortest.get(i);
            for (int l = 1; l < lists.length; l++) {
                if (lists[l].hasBits()) {
                    if (!lists[l].containsBit(id)) {
                        continue candidates;
                    }
                    continue;
                }
                int at = lists[l].seek(cursor[l], id);
                cursor[l] = at;
                if (at == lists[l].size()) {
                    break candidates; // this list has nothing further: no later id can match
                }
                if (lists[l].get(at) != id) {
                    continue candidates;
                }
            }
            SharedFile f = files[id]; // looked at last: most candidates fail a cheaper test first
            if (f != null) {
                out.add(new IndexEntry(peers[id], f));
            }
        }
        return out;
    }

    @Override
    public int size() {
        return live;
    }

    /** Distinct keywords indexed (for reports). */
    public int keywords() {
        return postings.size();
    }

    private int find(IntList mine, String name) {
        for (int i = 0; i < mine.size(); i++) {
            if (files[mine.get(i)].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void maybeCompact() {
        int blanks = next - live;
        if (blanks > MIN_COMPACT && blanks > live) {
            compact();
        }
    }

    /** Renumbers the live entries 0..live-1 in their old order and drops the blanks everywhere. */
    private void compact() {
        int[] newIds = new int[next];
        String[] keptPeers = new String[Math.max(1024, live * 2)];
        SharedFile[] keptFiles = new SharedFile[keptPeers.length];
        int n = 0;
        for (int id = 0; id < next; id++) {
            if (files[id] != null) {
                keptPeers[n] = peers[id];
                keptFiles[n] = files[id];
                newIds[id] = n++;
            } else {
                newIds[id] = -1;
            }
        }
        for (Iterator<IntList> it = postings.values().iterator(); it.hasNext(); ) {
            IntList list = it.next();
            list.remap(newIds);
            if (list.size() == 0) {
                it.remove();
            }
        }
        for (IntList mine : byPeer.values()) {
            mine.remap(newIds);
        }
        peers = keptPeers;
        files = keptFiles;
        next = n;
    }
}
