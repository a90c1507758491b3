package p2plab.bittorrent.tracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import p2plab.common.transport.Address;

/**
 * What a tracker remembers: for each torrent, its peers and when each last announced. Remote peers
 * choose every key here, so everything is bounded: a peer silent for {@code timeout} is forgotten
 * (BEP 3: peers re-announce every interval; the timeout adds a margin), a torrent with no peer left
 * goes with it, and past {@code maxTorrents} torrents, {@code maxPeers} peers in one torrent or
 * {@code maxTotalPeers} peers in all, new ones are refused. Sans-IO: time comes in as an argument.
 */
final class TrackedTorrents {
    private final long timeoutNanos;
    private final int maxTorrents;
    private final int maxPeers;
    private final int maxTotalPeers;
    private final Map<String, Torrent> torrents = new HashMap<>();
    private long peerCount;
    private long lastSweep;

    TrackedTorrents(long timeoutNanos, int maxTorrents, int maxPeers, int maxTotalPeers) {
        this.timeoutNanos = timeoutNanos;
        this.maxTorrents = maxTorrents;
        this.maxPeers = maxPeers;
        this.maxTotalPeers = maxTotalPeers;
    }

    /** One peer as the tracker knows it. */
    record Peer(byte[] peerId, Address address, long left, long lastSeen) {
    }

    /** One torrent's peers. */
    static final class Torrent {
        final Map<String, Peer> peers = new LinkedHashMap<>();
        long downloaded;

        int seeds() {
            int n = 0;
            for (Peer p : peers.values()) {
                n += p.left == 0 ? 1 : 0;
            }
            return n;
        }

        /** Forgets peers silent longer than {@code timeout}; returns how many. */
        int expire(long now, long timeout) {
            int n = 0;
            for (Iterator<Peer> it = peers.values().iterator(); it.hasNext(); ) {
                if (now - it.next().lastSeen > timeout) {
                    it.remove();
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Records an announce and returns its torrent.
     *
     * @throws IllegalArgumentException when the tracker is full (the text is the failure reason)
     */
    Torrent announce(byte[] infoHash, byte[] peerId, Address address, long left, String event, long now) {
        sweepEvery(now);
        String key = HexFormat.of().formatHex(infoHash);
        Torrent t = torrents.get(key);
        if (t == null) {
            if (event.equals("stopped")) {
                return new Torrent(); // nothing to forget, nothing to keep
            }
            if (torrents.size() >= maxTorrents) {
                throw new IllegalArgumentException("this tracker is full (" + maxTorrents + " torrents); try again later");
            }
            t = new Torrent();
            torrents.put(key, t);
        }
        peerCount -= t.expire(now, timeoutNanos);
        String id = HexFormat.of().formatHex(peerId);
        if (event.equals("stopped")) {
            peerCount -= t.peers.remove(id) == null ? 0 : 1;
        } else {
            if (!t.peers.containsKey(id)) {
                if (t.peers.size() >= maxPeers || peerCount >= maxTotalPeers) {
                    if (t.peers.isEmpty()) {
                        torrents.remove(key);
                    }
                    throw new IllegalArgumentException("this tracker keeps at most " + maxPeers + " peers per torrent and "
                            + maxTotalPeers + " in all, and is full; try again later");
                }
                peerCount++;
            }
            t.peers.put(id, new Peer(peerId, address, left, now));
            if (event.equals("completed")) {
                t.downloaded++;
            }
        }
        if (t.peers.isEmpty()) {
            torrents.remove(key);
        }
        return t;
    }

    /** The torrent's live peers, or null when it is unknown. */
    Torrent get(byte[] infoHash, long now) {
        Torrent t = torrents.get(HexFormat.of().formatHex(infoHash));
        if (t != null) {
            peerCount -= t.expire(now, timeoutNanos);
        }
        return t;
    }

    /** Every torrent with live peers, by info hash. */
    void forEach(long now, BiConsumer<byte[], Torrent> action) {
        sweep(now);
        for (Map.Entry<String, Torrent> e : new ArrayList<>(torrents.entrySet())) {
            action.accept(HexFormat.of().parseHex(e.getKey()), e.getValue());
        }
    }

    int torrentCount() {
        return torrents.size();
    }

    long peerCount() {
        return peerCount;
    }

    /** Sweeps at most once per timeout, so the cost is spread over many announces. */
    private void sweepEvery(long now) {
        if (now - lastSweep >= timeoutNanos) {
            sweep(now);
        }
    }

    /** Forgets silent peers, and torrents left with none. */
    void sweep(long now) {
        lastSweep = now;
        for (Iterator<Torrent> it = torrents.values().iterator(); it.hasNext(); ) {
            Torrent t = it.next();
            peerCount -= t.expire(now, timeoutNanos);
            if (t.peers.isEmpty()) {
                it.remove();
            }
        }
    }
}
