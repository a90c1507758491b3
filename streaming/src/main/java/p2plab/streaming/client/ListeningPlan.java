package p2plab.streaming.client;

import java.util.ArrayDeque;
import java.util.List;
import p2plab.common.time.Clock;

/**
 * A listener following its plan of {@link ListeningSession}s: each session starts at its time
 * and plays its tracks in turn; between sessions the listener is offline (no neighbours, no
 * uploads, its cache kept).
 */
final class ListeningPlan {
    private final Clock clock;
    private final Listener listener;
    private final Neighbourhood neighbourhood;
    private final ArrayDeque<ListeningSession> sessions = new ArrayDeque<>();
    private ListeningSession session;
    private int sessionIndex;

    ListeningPlan(Clock clock, Listener listener, Neighbourhood neighbourhood) {
        this.clock = clock;
        this.listener = listener;
        this.neighbourhood = neighbourhood;
    }

    void follow(List<ListeningSession> plan) {
        sessions.addAll(plan);
        scheduleNextSession();
    }

    private void scheduleNextSession() {
        ListeningSession s = sessions.poll();
        if (s == null) {
            return;
        }
        long delay = Math.max(0, s.startNanos() - clock.nanos());
        clock.scheduleNanos(delay, () -> {
            neighbourhood.goOnline();
            session = s;
            sessionIndex = 0;
            playFromSession();
        });
    }

    private void playFromSession() {
        if (listener.playing()) {
            return;
        }
        int i = sessionIndex;
        int next = i + 1 < session.tracks().length && session.predictable()[i + 1] ? session.tracks()[i + 1] : -1;
        listener.play(session.tracks()[i], next, session.listenNanos()[i]).thenRun(() -> {
            sessionIndex++;
            if (sessionIndex < session.tracks().length) {
                playFromSession();
            } else {
                session = null;
                neighbourhood.goOffline();
                scheduleNextSession();
            }
        });
    }
}
