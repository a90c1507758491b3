package p2plab.kademlia.dht;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.NodeId;

/**
 * The peers others announced to this node, by info hash. Everything here is put by remote
 * peers, so everything has a limit: an announcement expires after {@code ttl} unless renewed,
 * a key keeps its {@code maxPeersPerKey} most recent peers, and the store its {@code maxKeys}
 * most recently announced keys.
 */
public final class PeerStore {
    private final long ttlNanos;
    private final int maxPeersPerKey;
    private final int maxKeys;
    /** Keys in order of their latest announcement (access order), peers likewise, each with its expiry. */
    private final LinkedHashMap<NodeId, LinkedHashMap<Address, Long>> byKey = new LinkedHashMap<>(16, 0.75f, true);

    public PeerStore(long ttlNanos, int maxPeersPerKey, int maxKeys) {
        this.ttlNanos = ttlNanos;
        this.maxPeersPerKey = maxPeersPerKey;
        this.maxKeys = maxKeys;
    }

    public void announce(NodeId key, Address peer, long now) {
        LinkedHashMap<Address, Long> peers = byKey.get(key);
        if (peers == null) {
            if (byKey.size() >= maxKeys) {
                expire(now);
                if (byKey.size() >= maxKeys) {
                    Iterator<NodeId> oldest = byKey.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            peers = new LinkedHashMap<>(4, 0.75f, true);
            byKey.put(key, peers);
        }
        peers.remove(peer);
        peers.put(peer, now + ttlNanos);
        if (peers.size() > maxPeersPerKey) {
            Iterator<Address> oldest = peers.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Up to {@code max} live peers for {@code key}, most recently announced first. */
    public List<Address> peers(NodeId key, int max, long now) {
        LinkedHashMap<Address, Long> peers = byKey.get(key);
        if (peers == null) {
            return List.of();
        }
        peers.values().removeIf(expiry -> expiry <= now);
        if (peers.isEmpty()) {
            byKey.remove(key);
            return List.of();
        }
        List<Address> all = new ArrayList<>(peers.keySet());
        List<Address> out = new ArrayList<>(Math.min(max, all.size()));
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Drops every expired announcement. */
    public void expire(long now) {
        Iterator<Map.Entry<NodeId, LinkedHashMap<Address, Long>>> it = byKey.entrySet().iterator();
        while (it.hasNext()) {
            LinkedHashMap<Address, Long> peers = it.next().getValue();
            peers.values().removeIf(expiry -> expiry <= now);
            if (peers.isEmpty()) {
                it.remove();
            }
        }
    }

    public int keys() {
        return byKey.size();
    }

    /** Announcements held, all keys. */
    public int size() {
        int n = 0;
        for (LinkedHashMap<Address, Long> peers : byKey.values()) {
            n += peers.size();
        }
        return n;
    }
}
