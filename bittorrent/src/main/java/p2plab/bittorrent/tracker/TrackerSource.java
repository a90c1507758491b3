package p2plab.bittorrent.tracker;

import java.time.Duration;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Node;

/**
 * The tracker as a {@link PeerSource}: announces {@code started}, then again every interval the
 * tracker asks for (at most {@code maxReannounce} apart, a minute after a failure),
 * {@code completed} once, {@code stopped} when leaving. It uses the torrent's first tracker;
 * a torrent with none is left alone.
 */
public final class TrackerSource implements PeerSource {
    private final TrackerClient client;
    private final Node<?> home;
    private final byte[] peerId;
    private final int numwant;
    private final Duration maxReannounce;

    /**
     * @param home   the client's peer node: schedules and counts are taken on its thread
     * @param peerId our peer id, as announced
     */
    public TrackerSource(TrackerClient client, Node<?> home, byte[] peerId, int numwant, Duration maxReannounce) {
        this.client = client;
        this.home = home;
        this.peerId = peerId.clone();
        this.numwant = numwant;
        this.maxReannounce = maxReannounce;
    }

    @Override
    public String name() {
        return "tracker";
    }

    @Override
    public Announcer start(SwarmRef swarm, PeerSink sink) {
        if (swarm.trackers().isEmpty()) {
            return Announcer.NONE;
        }
        Loop loop = new Loop(swarm, sink);
        loop.announce("started");
        return loop;
    }

    /** One torrent's announce loop. */
    private final class Loop implements Announcer {
        private final SwarmRef swarm;
        private final PeerSink sink;
        private Cancellable next = Cancellable.NONE;
        private boolean stopped;
        private volatile String lastError; // read by the shell while the network runs
        private volatile long lastAnsweredNanos = Long.MIN_VALUE;

        Loop(SwarmRef swarm, PeerSink sink) {
            this.swarm = swarm;
            this.sink = sink;
        }

        void announce(String event) {
            if (stopped && !event.equals("stopped")) {
                return;
            }
            String url = swarm.trackers().get(0);
            SwarmRef.Counts c = swarm.counts();
            long up = c.uploaded();
            long down = c.downloaded();
            long left = c.left();
            client.node().execute(() -> client.announce(url, swarm.infoHash(), peerId, swarm.port(), up, down, left, event,
                            event.equals("stopped") ? 0 : numwant)
                    .whenComplete((r, e) -> home.execute(() -> announced(event, r, e))));
        }

        private void announced(String event, AnnounceResponse r, Throwable e) {
            if (stopped || event.equals("stopped")) {
                return;
            }
            Duration wait = maxReannounce;
            if (e != null) {
                lastError = e.getMessage();
                wait = Duration.ofSeconds(Math.min(60, wait.toSeconds()));
            } else {
                lastError = null;
                lastAnsweredNanos = home.clock().nanos();
                if (r.intervalSeconds() > 0 && Duration.ofSeconds(r.intervalSeconds()).compareTo(wait) < 0) {
                    wait = Duration.ofSeconds(r.intervalSeconds());
                }
                sink.found(r.peers());
            }
            next.cancel();
            next = home.clock().schedule(wait, () -> announce(""));
        }

        @Override
        public void completed() {
            announce("completed");
        }

        @Override
        public void findMore() {
            announce("");
        }

        @Override
        public void stop() {
            if (stopped) {
                return;
            }
            next.cancel();
            announce("stopped");
            stopped = true;
        }

        @Override
        public String lastError() {
            return lastError;
        }

        @Override
        public long lastSuccessNanos() {
            return lastAnsweredNanos;
        }
    }

}
