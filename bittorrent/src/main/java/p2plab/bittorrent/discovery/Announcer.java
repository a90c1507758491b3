package p2plab.bittorrent.discovery;

/**
 * One source's work for one torrent, from {@link PeerSource#start} to {@link #stop()}. The source
 * keeps its own schedule; these calls only tell it what changed. All are called on the client's
 * peer thread.
 */
public interface Announcer {

    /** We just finished the download and now seed (a tracker hears {@code event=completed}). */
    default void completed() {
    }

    /** The client wants more peers now, outside the schedule (too few connections). */
    default void findMore() {
    }

    /** We leave the swarm: stop announcing (a tracker hears {@code event=stopped}). */
    void stop();

    /** The last error of this source for this torrent, for the status line; null when the last attempt worked. */
    default String lastError() {
        return null;
    }

    /** When the source last succeeded (answered, found), in protocol nanoseconds; {@code Long.MIN_VALUE} if never. */
    default long lastSuccessNanos() {
        return Long.MIN_VALUE;
    }

    Announcer NONE = () -> { };
}
