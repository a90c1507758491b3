package p2plab.streaming.media;

import java.util.ArrayDeque;
import java.util.Iterator;
import p2plab.common.transport.Link;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Chunk;

/**
 * The chunks one connection asked for and has not received yet, sent in the order asked and
 * only while the link takes them without queueing ({@link Link#writable()}): so a cancel still
 * reaches chunks not sent, and an upload slot is held only while data actually flows.
 * A requester can make us queue at most {@link #MAX_QUEUED_CHUNKS} chunks.
 */
public final class UploadQueue {
    public static final int MAX_QUEUED_CHUNKS = 4_096;

    /** Whether a chunk can be sent now (an edge waits for chunks it is still fetching). */
    @FunctionalInterface
    public interface Ready {
        boolean ready(int track, int index);
    }

    /** Told of every chunk that went out. */
    @FunctionalInterface
    public interface Sent {
        void sent(Chunk chunk);
    }

    private final ArrayDeque<int[]> ranges = new ArrayDeque<>(); // {track, next, end}
    private int queued;

    /** Queues chunks {@code first..first+count-1}; false (nothing queued) past the limit. */
    public boolean add(int track, int first, int count) {
        if (count <= 0 || queued + count > MAX_QUEUED_CHUNKS) {
            return false;
        }
        ranges.add(new int[] {track, first, first + count});
        queued += count;
        return true;
    }

    /** Forgets every chunk of {@code track} not sent yet. */
    public void cancel(int track) {
        for (Iterator<int[]> it = ranges.iterator(); it.hasNext(); ) {
            int[] r = it.next();
            if (r[0] == track) {
                queued -= r[2] - r[1];
                it.remove();
            }
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The range that goes next, as {track, next index, end index (exclusive)}, or null. */
    public int[] head() {
        int[] r = ranges.peek();
        return r == null ? null : r.clone();
    }

    /** Sends what the link takes now, in order, stopping at a chunk that is not ready. */
    public void drain(Link<StreamMessage> link, TrackCatalogue catalogue, Ready ready, Sent sent) {
        while (!ranges.isEmpty() && link.isOpen() && link.writable()) {
            int[] r = ranges.peek();
            if (!ready.ready(r[0], r[1])) {
                return;
            }
            Chunk c = new Chunk(r[0], r[1], catalogue.chunkLength(r[1]));
            r[1]++;
            queued--;
            if (r[1] == r[2]) {
                ranges.poll();
            }
            link.send(c);
            sent.sent(c);
        }
    }
}
