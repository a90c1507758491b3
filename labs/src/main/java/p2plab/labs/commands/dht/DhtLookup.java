package p2plab.labs.commands.dht;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.base.Candidates;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.dht.TraceEvent;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dht lookup 7 ubuntu --trace}: a get_peers lookup from peer 7, every query and answer in order. */
@Command(name = "lookup", description = "Run a get_peers lookup from a node for a keyword or a 40-hex key; --trace shows every query and answer.")
final class DhtLookup extends LabCommand {

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class, description = "The node that looks up.")
    String peer;

    @Parameters(index = "1", paramLabel = "<key-or-name>", description = "A keyword (its SHA-1 is the key) or a key of 40 hex digits.")
    String key;

    @Option(names = "--trace", description = "Print every query, answer and timeout, with the XOR distance to the key.")
    boolean trace;

    DhtLookup(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        DhtView k = DhtCommand.kademlia(lab);
        PeerId p = n.peer(peer);
        NodeId target = DhtCommand.key(key);
        List<TraceEvent> events = trace ? new ArrayList<>() : null;
        LookupResult r = await(n.network().transport(), k.lookup(p, target, true, events), SEARCH_TIMEOUT, "the lookup");
        println("lookup of " + target.hex() + " from peer " + p);
        if (events != null) {
            long start = events.isEmpty() ? 0 : events.get(0).nanos();
            for (TraceEvent e : events) {
                PeerId who = k.peerAt(e.contact().address());
                String name = e.contact().id().shortHex() + " (" + (who == null ? e.contact().address() : who.label()) + ")";
                String what = switch (e.kind()) {
                    case QUERY -> "-> get_peers to   " + name;
                    case ANSWER -> "<- answer from    " + name + ": " + e.nodes() + " nodes, " + e.values() + " peers";
                    case TIMEOUT -> "   no answer from " + name;
                };
                println(String.format(java.util.Locale.ROOT, "%8.1f ms  hop %-2d  distance 2^%-6.2f  %s", (e.nanos() - start) / 1e6, e.depth(),
                        e.contact().id().log2Distance(target), what));
            }
        }
        println(r.rounds() + " rounds, " + r.queries() + " queries, " + r.answers() + " answers, " + r.timeouts() + " unanswered; "
                + r.peers().size() + " peers found");
        println("closest answer per round, distance in bits: " + r.distanceBits());
        if (!r.closest().isEmpty()) {
            println(String.format(java.util.Locale.ROOT, "closest node: %s at distance 2^%.2f", r.closest().get(0).id().shortHex(),
                    r.closest().get(0).id().log2Distance(target)));
        }
    }
}
