package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.content.Keywords;

/**
 * The files a servent shares, by index (the number a QueryHit names and a GET asks for).
 * Synchronized because the network reads it from outside the servent's thread.
 */
public final class SharedFiles {
    private final List<Content> files = new ArrayList<>();
    private final List<List<String>> words = new ArrayList<>(); // each file's keywords, computed once

    public synchronized int add(Content content) {
        int existing = indexOf(content.id());
        if (existing >= 0) {
            return existing;
        }
        files.add(content);
        words.add(content.keywords());
        return files.size() - 1;
    }

    public synchronized Content get(long index) {
        return index >= 0 && index < files.size() ? files.get((int) index) : null;
    }

    public synchronized int indexOf(ContentId id) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of the files whose name holds every keyword of {@code text}. */
    public synchronized List<Integer> matching(String text) {
        if (files.isEmpty()) {
            return List.of(); // most servents share nothing: skip parsing the text
        }
        List<String> words = Keywords.of(text);
        List<Integer> out = new ArrayList<>();
        if (words.isEmpty()) {
            return out;
        }
        for (int i = 0; i < files.size(); i++) {
            if (this.words.get(i).containsAll(words)) {
                out.add(i);
            }
        }
        return out;
    }

    public synchronized List<Content> all() {
        return List.copyOf(files);
    }

    public synchronized int size() {
        return files.size();
    }

    public synchronized long kilobytes() {
        long bytes = 0;
        for (Content c : files) {
            bytes += c.size();
        }
        return bytes / 1024;
    }
}
