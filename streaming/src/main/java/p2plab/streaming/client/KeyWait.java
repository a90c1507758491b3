package p2plab.streaming.client;

import p2plab.common.transport.Link;
import p2plab.streaming.media.Startup;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Key;
import p2plab.streaming.wire.StreamMessage.KeyRequest;

/**
 * The round trip for a play's decryption key (when the {@link Startup} says plays fetch one):
 * audio waits for the key as well as for its start buffer. Requests are numbered, so that the
 * answer to a skipped play's request does not start a replay of its track.
 */
final class KeyWait {
    private final Startup startup;
    private final Neighbourhood neighbourhood;
    private int requests;

    KeyWait(Startup startup, Neighbourhood neighbourhood) {
        this.startup = startup;
        this.neighbourhood = neighbourhood;
    }

    /** The play of {@code f} starts: ask the origin for its key, in parallel with the disk or the first chunk. */
    void ask(TrackFetch f) {
        Link<StreamMessage> server = neighbourhood.server();
        if (startup.keyFetch() && server != null && server.isOpen()) {
            f.keyId = requests++;
            f.playback.awaitKey();
            server.send(new KeyRequest(f.keyId, f.track));
        }
    }

    /** True if {@code k} is the key the playing download waits for; it is then in at {@code now}. */
    boolean arrived(TrackFetch current, Key k, long now) {
        if (current != null && current.keyId == k.id() && current.playback.waitsForKey()) {
            current.playback.keyArrived(now);
            return true;
        }
        return false;
    }

    /**
     * The origin is gone: no server, no key, so the player goes on as if it held the key (see
     * docs/streaming.md). True if the playing download was waiting for it.
     */
    boolean serverLost(TrackFetch current, long now) {
        if (current != null && current.playback.waitsForKey()) {
            current.playback.keyArrived(now);
            return true;
        }
        return false;
    }
}
