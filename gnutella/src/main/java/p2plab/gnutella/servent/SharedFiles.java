package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.content.Keywords;

/**
 * The files a servent shares, by index (the number a QueryHit names and a GET asks for).
 * Synchronized because the network reads it from outside the servent's thread.
 *
 * <p>Two plain arrays grown a little at a time: a simulation holds a million servents sharing a
 * handful of files each, and a catalogue's files parse their keywords once for all of them.
 */
public final class SharedFiles {
    private static final Content[] NO_FILES = {};
    private static final List<?>[] NO_WORDS = {};
    private static final long[] NO_MASKS = {};

    private Content[] files = NO_FILES;
    private List<?>[] words = NO_WORDS; // each file's keywords, computed once
    private long[] masks = NO_MASKS; // each file's words as bits (Keywords.mask): most files fail a query on them alone
    private int count;

    public synchronized int add(Content content) {
        int existing = indexOf(content.id());
        if (existing >= 0) {
            return existing;
        }
        if (count == files.length) {
            int capacity = count + Math.max(2, count / 2);
            files = Arrays.copyOf(files, capacity);
            words = Arrays.copyOf(words, capacity);
            masks = Arrays.copyOf(masks, capacity);
        }
        files[count] = content;
        words[count] = content.keywords();
        masks[count] = Keywords.mask(words[count]);
        return count++;
    }

    public synchronized Content get(long index) {
        return index >= 0 && index < count ? files[(int) index] : null;
    }

    public synchronized int indexOf(ContentId id) {
        for (int i = 0; i < count; i++) {
            if (files[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of the files whose name holds every keyword of {@code text}. */
    public synchronized List<Integer> matching(String text) {
        if (count == 0) {
            return List.of(); // most servents share nothing: skip parsing the text
        }
        List<String> words = Keywords.of(text);
        List<Integer> out = new ArrayList<>();
        if (words.isEmpty()) {
            return out;
        }
        int[] hashes = new int[words.size()];
        for (int k = 0; k < hashes.length; k++) {
            hashes[k] = words.get(k).hashCode();
        }
        long wanted = Keywords.mask(words);
        for (int i = 0; i < count; i++) {
            if ((masks[i] & wanted) == wanted && holdsAll(this.words[i], words, hashes)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * {@code have.containsAll(want)}, but comparing the words' hash codes (which a String keeps)
     * before their letters: a flooded query is matched against every file of every servent it reaches.
     */
    private static boolean holdsAll(List<?> have, List<String> want, int[] wantHashes) {
        next:
        for (int k = 0; k < wantHashes.length; k++) {
            for (int j = 0, n = have.size(); j < n; j++) {
                Object word = have.get(j);
                if (word.hashCode() == wantHashes[k] && word.equals(want.get(k))) {
                    continue next;
                }
            }
            return false;
        }
        return true;
    }

    public synchronized List<Content> all() {
        return List.of(Arrays.copyOf(files, count));
    }

    public synchronized int size() {
        return count;
    }

    public synchronized long kilobytes() {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += files[i].size();
        }
        return bytes / 1024;
    }
}
