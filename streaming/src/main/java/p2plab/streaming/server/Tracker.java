package p2plab.streaming.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;

/**
 * Spotify's tracker: for each track, the most recent peers that said they hold it whole. It
 * never learns that a peer left or evicted the track; askers find out by trying (as in Spotify).
 */
public final class Tracker {
    private final int perTrack;
    private final Map<Integer, ArrayDeque<Address>> holders = new HashMap<>();

    /** @param perTrack how many recent holders to remember per track (Spotify: 20) */
    public Tracker(int perTrack) {
        this.perTrack = perTrack;
    }

    public void announce(int track, Address holder) {
        if (perTrack == 0) {
            return;
        }
        ArrayDeque<Address> list = holders.computeIfAbsent(track, t -> new ArrayDeque<>());
        list.remove(holder);
        list.addFirst(holder);
        if (list.size() > perTrack) {
            list.removeLast();
        }
    }

    /** {@code holder} holds every one of {@code tracks} (the last one announced most recently). */
    public void announce(int[] tracks, Address holder) {
        for (int t : tracks) {
            announce(t, holder);
        }
    }

    /** The most recent holders of {@code track}, newest first, without {@code asker}. */
    public List<Address> holders(int track, Address asker) {
        ArrayDeque<Address> list = holders.get(track);
        List<Address> out = new ArrayList<>();
        if (list != null) {
            for (Iterator<Address> it = list.iterator(); it.hasNext(); ) {
                Address a = it.next();
                if (!a.equals(asker)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
