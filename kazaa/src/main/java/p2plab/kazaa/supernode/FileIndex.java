package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/**
 * A supernode's index of its children's files (and its own), in the order they came: entry i is
 * the file {@code names[i]} ({@code sizes[i]} bytes, {@code ids[i]}) held by {@code holders[i]}.
 * A holder's files sit side by side, because a new list from it replaces the old one whole.
 *
 * <p>A query reads every entry and keeps the names that hold all its words. A supernode indexes
 * a few hundred to a few thousand files, so the scan is short; a keyword table cost some eighty
 * bytes for each (supernode, word) pair, and with every supernode of a network indexing nearly
 * the whole vocabulary that table was a quarter of the network's heap. Parallel arrays instead
 * of an object per entry for the same reason: 24 bytes an entry. To keep the scan cheap, each
 * entry also has a signature, one bit per word of its name (a word's hash picks one of 32): an
 * entry whose signature lacks a bit of the query cannot match, and only the few that pass are
 * read word by word. The answers come out in the order a keyword table gave them (the order the
 * files were indexed).
 */
public final class FileIndex {
    private static final int FIRST_CAPACITY = 8;

    private PeerRef[] holders = new PeerRef[0];
    private String[] names = new String[0];
    private long[] sizes = new long[0];
    private ContentId[] ids = new ContentId[0];
    private int[] signatures = new int[0];
    private int files;

    /** Replaces everything indexed for {@code holder} with {@code shared}. */
    public void replace(PeerRef holder, List<SharedFile> shared) {
        remove(holder.id());
        ensureRoom(shared.size());
        for (SharedFile f : shared) {
            holders[files] = holder;
            names[files] = f.name();
            sizes[files] = f.size();
            ids[files] = f.content();
            signatures[files] = signature(f.name());
            files++;
        }
    }

    /** Forgets every file of {@code holderId}. */
    public void remove(int holderId) {
        int from = 0;
        while (from < files && holders[from].id() != holderId) {
            PeerRef run = holders[from]; // a holder's files sit side by side, under one PeerRef: skip them unread
            do {
                from++;
            } while (from < files && holders[from] == run);
        }
        int to = from;
        while (to < files && holders[to].id() == holderId) {
            to++;
        }
        if (from == to) {
            return;
        }
        int tail = files - to;
        System.arraycopy(holders, to, holders, from, tail);
        System.arraycopy(names, to, names, from, tail);
        System.arraycopy(sizes, to, sizes, from, tail);
        System.arraycopy(ids, to, ids, from, tail);
        System.arraycopy(signatures, to, signatures, from, tail);
        files -= to - from;
        Arrays.fill(holders, files, files + to - from, null);
        Arrays.fill(names, files, files + to - from, null);
        Arrays.fill(ids, files, files + to - from, null);
        if (holders.length > 4 * FIRST_CAPACITY && files < holders.length / 4) {
            resize(holders.length / 2); // a supernode that lost most children gives the room back
        }
    }

    /** Files whose name holds every keyword, except those of {@code excludedHolder} (-1: none). */
    public List<FoundFile> search(List<String> keywords, int excludedHolder) {
        if (keywords.isEmpty()) {
            return List.of();
        }
        int wanted = 0;
        for (String word : keywords) {
            wanted |= bit(word.hashCode()); // String's hash, as signature() computes it over a name's run
        }
        List<FoundFile> found = new ArrayList<>();
        entries:
        for (int i = 0; i < files; i++) {
            if ((signatures[i] & wanted) != wanted || holders[i].id() == excludedHolder) {
                continue;
            }
            for (String word : keywords) {
                if (!hasWord(names[i], word)) {
                    continue entries;
                }
            }
            found.add(new FoundFile(holders[i], new SharedFile(names[i], sizes[i], ids[i])));
        }
        return found;
    }

    public boolean holds(int holderId) {
        for (int i = 0; i < files; i++) {
            if (holders[i].id() == holderId) {
                return true;
            }
        }
        return false;
    }

    /** Files indexed, over all holders. */
    public int files() {
        return files;
    }

    /**
     * True if {@code word} (in lower case) is one of the words of {@code name} as
     * {@link p2plab.common.content.Keywords#of} splits it (runs of letters and digits, lower-cased),
     * without making the list: this runs for every entry on every query.
     */
    static boolean hasWord(String name, String word) {
        int n = name.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isLetterOrDigit(name.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isLetterOrDigit(name.charAt(i))) {
                i++;
            }
            if (i - start == word.length() && sameWord(name, start, word)) {
                return true;
            }
        }
        return false;
    }

    /** One bit for each word of {@code name}, lower-cased as {@code Keywords.of} makes it. */
    static int signature(String name) {
        int n = name.length();
        int signature = 0;
        int i = 0;
        while (i < n) {
            while (i < n && !isLetterOrDigit(name.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int hash = 0;
            while (i < n && isLetterOrDigit(name.charAt(i))) {
                hash = 31 * hash + lowerCase(name.charAt(i)); // String.hashCode of the lower-cased word
                i++;
            }
            signature |= bit(hash);
        }
        return signature;
    }

    private static int bit(int wordHash) {
        return 1 << ((wordHash * 0x9E3779B9) >>> 27);
    }

    /** {@link Character#isLetterOrDigit(char)}, answered inline for ASCII (nearly every name). */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean sameWord(String name, int start, String word) {
        for (int j = 0; j < word.length(); j++) {
            if (lowerCase(name.charAt(start + j)) != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#toLowerCase(char)}, answered inline for ASCII. */
    private static char lowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : Character.toLowerCase(c);
    }

    private void ensureRoom(int more) {
        if (files + more > holders.length) {
            resize(Math.max(Math.max(FIRST_CAPACITY, files + more), holders.length + (holders.length >> 1)));
        }
    }

    private void resize(int capacity) {
        holders = Arrays.copyOf(holders, capacity);
        names = Arrays.copyOf(names, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        ids = Arrays.copyOf(ids, capacity);
        signatures = Arrays.copyOf(signatures, capacity);
    }
}
