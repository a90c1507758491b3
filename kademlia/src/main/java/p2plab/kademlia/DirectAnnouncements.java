package p2plab.kademlia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.transport.Address;
import p2plab.kademlia.dht.PeerStore;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.routing.SortedIds;

/**
 * Files shared in bulk on a network built whole (a catalogue placed over 100,000 peers before a
 * comparison): instead of one get_peers lookup and k announce_peer queries per keyword of every
 * file (millions of them), each announcement goes straight into the stores of the nodes that
 * announce would have reached: the k nodes closest to the key, the holder itself left out (a
 * lookup never asks its own node). Each store ends as the announcements in that order would
 * have left it: the {@code maxPeersPerKey} holders announced last, most recent last.
 *
 * <p>The network collects announcements as files are shared and writes them in one flush, an
 * event of the network's clock that runs before the next event of any node (in simulation:
 * when time next moves), each store on its own node's thread.
 */
final class DirectAnnouncements {
    private final SortedIds sorted;
    private final Member[] members;
    private final int k;
    private final int maxPeersPerKey;
    private final Map<NodeId, int[]> closestOf = new HashMap<>();
    /** Holders by keyword, in the order they announced; a key's last announcement decides its place in a store. */
    private Map<String, Holders> pending = new LinkedHashMap<>();
    private long sequence;

    DirectAnnouncements(SortedIds sorted, Member[] members, int k, int maxPeersPerKey) {
        this.sorted = sorted;
        this.members = members;
        this.k = k;
        this.maxPeersPerKey = maxPeersPerKey;
    }

    /** Peer {@code holder} (its index) announces itself under the key of {@code word}; true if it is the first since the last flush. */
    synchronized boolean add(int holder, String word) {
        boolean first = pending.isEmpty();
        pending.computeIfAbsent(word, x -> new Holders()).add(holder, sequence++);
        return first;
    }

    /** Writes what was announced since the last flush into the stores, one task per storing node. */
    void flush(long now) {
        Map<String, Holders> batch;
        synchronized (this) {
            batch = pending;
            pending = new LinkedHashMap<>();
        }
        List<Map.Entry<String, Holders>> keys = new ArrayList<>(batch.entrySet());
        keys.sort((a, b) -> Long.compare(a.getValue().last, b.getValue().last)); // a store orders its keys by their last announcement
        Map<Integer, List<Runnable>> byNode = new LinkedHashMap<>();
        for (Map.Entry<String, Holders> e : keys) {
            NodeId key = NodeId.sha1(e.getKey());
            int[] closest = closest(key);
            int top = Math.min(k, closest.length);
            for (int j = 0; j < closest.length; j++) {
                int target = closest[j];
                List<Address> kept = kept(e.getValue(), j < top ? h -> h != target : h -> contains(closest, top, h));
                if (!kept.isEmpty()) {
                    byNode.computeIfAbsent(target, t -> new ArrayList<>()).add(() -> {
                        PeerStore store = members[target].dht.store();
                        for (Address a : kept) {
                            store.announce(key, a, now);
                        }
                    });
                }
            }
        }
        for (Map.Entry<Integer, List<Runnable>> e : byNode.entrySet()) {
            Member m = members[e.getKey()];
            if (m.alive()) {
                m.node.execute(() -> e.getValue().forEach(Runnable::run));
            }
        }
    }

    /** The k + 1 nodes closest to {@code key}: the k an outsider's announce reaches, and the next, for a holder among the k. */
    private int[] closest(NodeId key) {
        return closestOf.computeIfAbsent(key, x -> sorted.closest(x, k + 1));
    }

    /** The addresses a store keeps of the holders {@code to} accepts: the last {@code maxPeersPerKey} distinct ones, oldest first. */
    private List<Address> kept(Holders holders, java.util.function.IntPredicate to) {
        List<Address> newestFirst = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = holders.size - 1; i >= 0 && newestFirst.size() < maxPeersPerKey; i--) {
            int h = holders.at[i];
            if (to.test(h) && seen.add(h)) {
                newestFirst.add(members[h].node.address());
            }
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static boolean contains(int[] a, int length, int v) {
        for (int i = 0; i < length; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** A growable list of holder indexes, and the sequence number of the last one. */
    private static final class Holders {
        int[] at = new int[16];
        int size;
        long last;

        void add(int holder, long seq) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = holder;
            last = seq;
        }
    }
}
