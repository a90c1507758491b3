package p2plab.common.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The messages that carried one trace key (one search, one transfer), as the transport saw
 * them. A search opens a tally under its GUID or id; when it ends, the tally says how many
 * messages it caused and which peers received them, with no counting in protocol code.
 */
public final class Tally {
    private final Object key;
    private long messages;
    private long bytes;
    private final Map<String, Long> sentByType = new HashMap<>();
    private final Map<String, Long> receivedByType = new HashMap<>();
    private final Map<String, Set<String>> receiversByType = new HashMap<>();

    Tally(Object key) {
        this.key = key;
    }

    public Object key() {
        return key;
    }

    synchronized void sent(String type, int size) {
        messages++;
        bytes += size;
        sentByType.merge(type, 1L, Long::sum);
    }

    synchronized void received(String type, String receiver) {
        receivedByType.merge(type, 1L, Long::sum);
        receiversByType.computeIfAbsent(type, t -> new HashSet<>()).add(receiver);
    }

    /** Messages sent with this key, all types. */
    public synchronized long messages() {
        return messages;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long sent(String type) {
        return sentByType.getOrDefault(type, 0L);
    }

    /** Messages of {@code type} delivered with this key, duplicates included. */
    public synchronized long received(String type) {
        return receivedByType.getOrDefault(type, 0L);
    }

    /** Distinct peers that received at least one message of {@code type} with this key. */
    public synchronized int distinctReceivers(String type) {
        Set<String> r = receiversByType.get(type);
        return r == null ? 0 : r.size();
    }

    /** The peers (metrics labels) that received {@code type} with this key. */
    public synchronized Set<String> receivers(String type) {
        return Set.copyOf(receiversByType.getOrDefault(type, Set.of()));
    }

    /** Deliveries of {@code type} to a peer that had already received one: the duplicates. */
    public synchronized long duplicates(String type) {
        return received(type) - distinctReceivers(type);
    }

    public synchronized Map<String, Long> sentByType() {
        return new TreeMap<>(sentByType);
    }
}
