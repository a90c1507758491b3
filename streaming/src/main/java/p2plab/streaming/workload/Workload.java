package p2plab.streaming.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.media.TrackCatalogue;

/**
 * Listening plans for a population: each listener starts sessions at random times (Poisson,
 * {@code sessionsPerDay} a day on average), each lasting a Weibull time, playing tracks back
 * to back. The first track of a session is drawn by popularity; each next one is, with
 * probability {@code predictableShare}, the next track of the album ({@code track + 1}: a
 * known order the client can prefetch), otherwise a fresh draw. Spotify measured 61% of plays
 * in a predictable order.
 *
 * <p>With {@link Skips}, each play is listened to for a drawn time and the listener then skips
 * to the next; a session keeps playing until its Weibull time is used up (so skips mean more,
 * shorter plays, not shorter sessions). Without skips a session plays
 * {@code ceil(length / track length)} whole tracks, the same rule seen from the other side.
 *
 * <p>A <b>flash crowd</b> adds, for {@code crowdShare} of the listeners, a session that plays
 * {@code crowdTrack} starting at a uniform time in [{@code crowdAtSeconds},
 * {@code crowdAtSeconds + crowdWithinSeconds}): a new release everyone plays within minutes.
 */
public record Workload(Popularity popularity, SessionLengths sessions, double sessionsPerDay, double predictableShare,
                       double durationSeconds, FlashCrowd crowd, Skips skips) {

    /** A new release played by a share of the listeners soon after it comes out; {@code share} 0 = none. */
    public record FlashCrowd(int track, double share, double atSeconds, double withinSeconds) {
        public static final FlashCrowd NONE = new FlashCrowd(0, 0, 0, 1);

        public FlashCrowd {
            if (share < 0 || share > 1 || atSeconds < 0 || withinSeconds <= 0) {
                throw new IllegalArgumentException("flash crowd share must be in [0, 1], at >= 0 s, within > 0 s");
            }
        }
    }

    public Workload {
        if (sessionsPerDay <= 0 || predictableShare < 0 || predictableShare > 1 || durationSeconds <= 0) {
            throw new IllegalArgumentException("sessions per day and duration must be > 0; predictable share in [0, 1]");
        }
    }

    /** Nobody skips: every play lasts its whole track. */
    public Workload(Popularity popularity, SessionLengths sessions, double sessionsPerDay, double predictableShare,
                    double durationSeconds, FlashCrowd crowd) {
        this(popularity, sessions, sessionsPerDay, predictableShare, durationSeconds, crowd, Skips.NONE);
    }

    /**
     * Spotify-like defaults for {@code tracks} tracks over {@code durationSeconds}. Nobody skips:
     * the figures the hybrid is held against are from 2010, and the only public skip figures
     * (Lamere's) from 2014; {@code withSkips(Skips.LAMERE)} adds them (docs/experiments.md).
     */
    public static Workload spotify(int tracks, double durationSeconds) {
        return new Workload(Popularity.spotify(tracks), SessionLengths.DEFAULT, 1.5, 0.61, durationSeconds, FlashCrowd.NONE,
                Skips.NONE);
    }

    public Workload withCrowd(FlashCrowd c) {
        return new Workload(popularity, sessions, sessionsPerDay, predictableShare, durationSeconds, c, skips);
    }

    public Workload withSkips(Skips s) {
        return new Workload(popularity, sessions, sessionsPerDay, predictableShare, durationSeconds, crowd, s);
    }

    /** Every listener's plan, from the seed. */
    public List<List<ListeningSession>> plans(int listeners, TrackCatalogue catalogue, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double trackSeconds = catalogue.durationNanos() / 1e9;
        List<List<ListeningSession>> out = new ArrayList<>(listeners);
        for (int l = 0; l < listeners; l++) {
            SplittableRandom r = root.split();
            List<ListeningSession> plan = new ArrayList<>();
            double t = exponential(r, 86_400 / sessionsPerDay);
            while (t < durationSeconds) {
                double length = sessions.sampleSeconds(r);
                ListeningSession s;
                double listened;
                if (skips.any()) {
                    s = sessionWithSkips(r, (long) (t * 1e9), length, catalogue);
                    listened = s.audioNanos(catalogue.durationNanos()) / 1e9;
                } else {
                    int plays = (int) Math.max(1, Math.ceil(length / trackSeconds));
                    s = session(r, (long) (t * 1e9), plays, catalogue.tracks());
                    listened = plays * trackSeconds;
                }
                plan.add(s);
                t += listened + exponential(r, 86_400 / sessionsPerDay);
            }
            if (crowd.share() > 0 && r.nextDouble() < crowd.share()) {
                long at = (long) ((crowd.atSeconds() + r.nextDouble() * crowd.withinSeconds()) * 1e9);
                plan.add(new ListeningSession(at, new int[] {crowd.track()}, new boolean[] {false}));
                plan.sort(java.util.Comparator.comparingLong(ListeningSession::startNanos));
                plan = withoutOverlaps(plan, (long) (trackSeconds * 1e9));
            }
            out.add(plan);
        }
        return out;
    }

    private ListeningSession session(SplittableRandom r, long start, int plays, int tracks) {
        int[] t = new int[plays];
        boolean[] predictable = new boolean[plays];
        t[0] = popularity.pick(r);
        for (int i = 1; i < plays; i++) {
            predictable[i] = r.nextDouble() < predictableShare;
            t[i] = predictable[i] ? (t[i - 1] + 1) % tracks : popularity.pick(r);
        }
        return new ListeningSession(start, t, predictable);
    }

    /** Plays drawn one by one, each with its listening time, until they fill {@code lengthSeconds} (at least one). */
    private ListeningSession sessionWithSkips(SplittableRandom r, long start, double lengthSeconds, TrackCatalogue catalogue) {
        double trackSeconds = catalogue.durationNanos() / 1e9;
        List<Integer> t = new ArrayList<>();
        List<Boolean> predictable = new ArrayList<>();
        List<Long> listen = new ArrayList<>();
        double used = 0;
        do {
            boolean p = !t.isEmpty() && r.nextDouble() < predictableShare;
            t.add(p ? (t.get(t.size() - 1) + 1) % catalogue.tracks() : popularity.pick(r));
            predictable.add(p);
            double seconds = skips.listenSeconds(r, trackSeconds);
            listen.add(seconds >= trackSeconds ? ListeningSession.WHOLE : (long) (seconds * 1e9));
            used += seconds;
        } while (used < lengthSeconds);
        int n = t.size();
        int[] tracks = new int[n];
        boolean[] pred = new boolean[n];
        long[] listenNanos = new long[n];
        for (int i = 0; i < n; i++) {
            tracks[i] = t.get(i);
            pred[i] = predictable.get(i);
            listenNanos[i] = listen.get(i);
        }
        return new ListeningSession(start, tracks, pred, listenNanos);
    }

    /** A listener plays one thing at a time: a session that would start during another is moved after it. */
    private static List<ListeningSession> withoutOverlaps(List<ListeningSession> sorted, long trackNanos) {
        List<ListeningSession> out = new ArrayList<>();
        long free = 0;
        for (ListeningSession s : sorted) {
            long start = Math.max(s.startNanos(), free);
            out.add(new ListeningSession(start, s.tracks(), s.predictable(), s.listenNanos()));
            free = start + s.audioNanos(trackNanos) + 1_000_000_000L;
        }
        return out;
    }

    private static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }
}
