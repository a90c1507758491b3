package p2plab.labs.commands.search;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.base.Candidates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.streaming.Playback;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.media.SourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code play 3 17 [--next 18]}: a listener of a streaming network plays a track to its end. */
@Command(name = "play", description = "A listener of a streaming network plays a track: latency, sources, stutters.")
public final class PlayCommand extends LabCommand {

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class, description = "The listener.")
    String peer;

    @Parameters(index = "1", paramLabel = "<track>", description = "Track number, 0 = the most popular.")
    int track;

    @Option(names = "--next", paramLabel = "T", defaultValue = "-1", description = "The track known to follow (the hybrid prefetches it).")
    int next;

    @Option(names = "--json", description = "Print one JSON document instead of a line.")
    boolean json;

    PlayCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        Playback s = streaming(n.network());
        PeerId id = n.peer(peer);
        double seconds = s.options().catalogue().durationNanos() / 1e9;
        PlayRecord r = await(n.network().transport(), s.play(id, track, next),
                Duration.ofSeconds((long) (seconds * 20 + 600)), "playing track " + track);
        if (json) {
            printJson(r);
            return;
        }
        println(String.format(Locale.ROOT, "%s played track %d (%.0f s): first audio after %.0f ms, %d stutter%s (%.1f s)",
                id.label(), track, seconds, r.latencyMillis(), r.stutters(), r.stutters() == 1 ? "" : "s", r.stallNanos() / 1e9));
        println("  bytes from " + sources(r));
    }

    private static String sources(PlayRecord r) {
        StringBuilder b = new StringBuilder();
        for (SourceKind k : SourceKind.values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k.label()).append(' ').append(r.bytesFrom(k));
        }
        return b.toString();
    }

    public static Playback streaming(Network n) {
        if (n instanceof Playback s) {
            return s;
        }
        throw new LabException("`play` works on a streaming network; create one with "
                + "`network create streaming --peers 10 --mode hybrid`");
    }

    /** The lines `stats` adds for a streaming network: plays, latency, stutters, shares by source. */
    public static Map<String, Object> streamingStats(Playback s) {
        PlaySummary p = s.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", s.mode().label());
        m.put("plays", p.plays());
        m.put("medianLatencyMs", p.medianLatencyMs());
        m.put("p99LatencyMs", p.p99LatencyMs());
        m.put("stuttersPerPlay", p.stuttersPerPlay());
        for (SourceKind k : SourceKind.values()) {
            m.put(k.label() + "Share", p.share(k));
        }
        m.put("originBytes", s.log().originBytes());
        return m;
    }

    public static String streamingLine(Playback s) {
        PlaySummary p = s.summary();
        return String.format(Locale.ROOT, "%s mode: %s; origin sent %d bytes", s.mode().label(), p, s.log().originBytes());
    }
}
