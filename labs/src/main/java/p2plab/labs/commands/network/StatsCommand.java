package p2plab.labs.commands.network;

import java.util.Map;
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.PeerId;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.Table;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stats [--peer ID] [--reset]}: message counts by type, as the transport counted them. */
@Command(name = "stats", description = "Messages and bytes by type, for the current network or one peer; --reset zeroes them.")
public final class StatsCommand extends LabCommand {

    @Option(names = "--peer", paramLabel = "ID", completionCandidates = Candidates.PeerIds.class, description = "Only this peer's counters.")
    String peer;

    @Option(names = "--reset", description = "Zero every counter of the current network.")
    boolean reset;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    StatsCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        if (reset) {
            n.network().transport().metrics().reset();
            if (json) {
                printJson(n.network().metrics());
            } else {
                println("counters of " + n.name() + " reset to zero");
            }
            return;
        }
        if (peer != null) {
            PeerId id = n.peer(peer);
            Map<String, Counts> byType = n.network().transport().metrics().peer(id.label());
            if (json) {
                Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("peer", id);
                doc.put("byType", byType);
                printJson(doc);
                return;
            }
            println("peer " + id + " on " + n.name());
            print(byType, total(byType));
            return;
        }
        MetricsSnapshot s = n.network().metrics();
        if (json) {
            printJson(n.network() instanceof p2plab.streaming.Playback sn
                    ? Map.of("metrics", s, "streaming", p2plab.labs.commands.search.PlayCommand.streamingStats(sn)) : s);
            return;
        }
        println(n.name() + " at " + fmt(s.timeMillis()) + " ms of protocol time");
        print(s.byType(), s.total());
        Map.Entry<String, Counts> busiest = s.byPeer().entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Long.compare(load(a), load(b)))).orElse(null);
        if (busiest != null) {
            println("busiest peer: " + busiest.getKey() + " with " + load(busiest.getValue()) + " messages sent and received");
        }
        if (n.network() instanceof p2plab.streaming.Playback sn) {
            println(p2plab.labs.commands.search.PlayCommand.streamingLine(sn));
        }
    }

    static long load(Counts c) {
        return c.messagesSent() + c.messagesReceived();
    }

    private static Counts total(Map<String, Counts> byType) {
        return byType.values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    private void print(Map<String, Counts> byType, Counts total) {
        Table t = new Table("type", "sent", "bytes sent", "received", "bytes received", "dropped");
        for (Map.Entry<String, Counts> e : byType.entrySet()) {
            row(t, e.getKey(), e.getValue());
        }
        row(t, "total", total);
        t.print(console());
    }

    private static void row(Table t, String name, Counts c) {
        t.row(name, c.messagesSent(), DataSize.format(c.bytesSent()), c.messagesReceived(), DataSize.format(c.bytesReceived()), c.dropped());
    }
}
