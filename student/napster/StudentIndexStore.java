package napster;

import java.util.List;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.SharedFile;

/**
 * Lab 1: your Napster index store. Read docs/labs/lab1-napster.md, then replace every TODO.
 * Grade it with `./p2plab grade napster`; run it live with `network create napster --impl student`.
 */
public class StudentIndexStore implements IndexStore {

    @Override
    public void register(String peer, SharedFile file) {
        throw new UnsupportedOperationException("TODO: register");
    }

    @Override
    public boolean unregister(String peer, String fileName) {
        throw new UnsupportedOperationException("TODO: unregister");
    }

    @Override
    public List<IndexEntry> search(List<String> keywords, int maxResults) {
        throw new UnsupportedOperationException("TODO: search");
    }

    @Override
    public int removePeer(String peer) {
        throw new UnsupportedOperationException("TODO: removePeer");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("TODO: size");
    }
}
