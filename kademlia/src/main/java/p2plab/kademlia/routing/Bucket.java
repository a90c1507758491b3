package p2plab.kademlia.routing;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import p2plab.kademlia.krpc.Contact;

/**
 * A k-bucket: up to k nodes whose ids share exactly {@link #prefix()} leading bits with the own
 * id (the last bucket: at least that many), least recently seen first; and a small
 * replacement cache of nodes that did not fit, newest last.
 */
public final class Bucket {
    private final int prefix;
    private final List<Entry> entries;
    private ArrayDeque<Contact> replacements; // null until a node is turned away
    long lastChanged;

    Bucket(int prefix, int k, long now) {
        this.prefix = prefix;
        this.entries = new ArrayList<>(Math.min(k, 8));
        this.lastChanged = now;
    }

    /** Leading bits its ids share with the own id. */
    public int prefix() {
        return prefix;
    }

    /** Its nodes, least recently seen first. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    List<Entry> mutableEntries() {
        return entries;
    }

    public long lastChanged() {
        return lastChanged;
    }

    public List<Contact> replacements() {
        return replacements == null ? List.of() : List.copyOf(replacements);
    }

    void addReplacement(Contact c, int max) {
        if (replacements == null) {
            replacements = new ArrayDeque<>(2);
        }
        replacements.removeIf(r -> r.id().equals(c.id()));
        replacements.addLast(c);
        while (replacements.size() > max) {
            replacements.removeFirst();
        }
    }

    Contact takeReplacement() {
        return replacements == null ? null : replacements.pollLast();
    }

    Entry find(Contact c) {
        for (Entry e : entries) {
            if (e.contact().id().equals(c.id())) {
                return e;
            }
        }
        return null;
    }
}
