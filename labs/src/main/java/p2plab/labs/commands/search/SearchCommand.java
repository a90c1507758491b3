package p2plab.labs.commands.search;

import java.util.List;
import java.util.stream.Collectors;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.Console.Colour;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.console.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search <peer> <keywords...>}: what was found, and what finding it cost. */
@Command(name = "search", description = "Search from a peer: hits with holders, hops, messages caused, peers reached, latency.")
public final class SearchCommand extends LabCommand {

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class, description = "The peer that asks.")
    String peer;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<keywords>", description = "Words that must all be in a file's name.")
    List<String> keywords;

    @Option(names = "--ttl", paramLabel = "T", defaultValue = "0", description = "How far a flooding overlay forwards it (default: the overlay's).")
    int ttl;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    SearchCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        PeerId from = n.peer(peer);
        if (ttl < 0 || ttl > 255) {
            throw new LabException("--ttl must be between 0 and 255 (0 = the overlay's default), got " + ttl);
        }
        Query q = new Query(String.join(" ", keywords), ttl);
        SearchResult r = await(n.network().transport(), n.network().search(from, q), SEARCH_TIMEOUT, "the search");
        if (json) {
            printJson(r);
            return;
        }
        print(r);
    }

    private void print(SearchResult r) {
        println("search '" + r.query().text() + "' from peer " + r.from() + " on " + lab.current().name()
                + (r.query().ttl() > 0 ? " (ttl " + r.query().ttl() + ")" : ""));
        if (r.found()) {
            Table t = new Table("#", "name", "size", "holder", "hops", "id");
            int i = 1;
            for (Hit h : r.hits()) {
                t.row(i++, h.name(), DataSize.format(h.size()), h.holder(), h.hops(), h.content().shortHex());
            }
            t.print(console());
        }
        long distinct = r.hits().stream().map(Hit::content).distinct().count();
        println(console().colour(r.found() ? Colour.GREEN : Colour.YELLOW, "hits: " + r.hits().size())
                + " (" + distinct + (distinct == 1 ? " file" : " files") + ")"
                + "   hops to first hit: " + (r.found() ? r.hopsToFirstHit() : "-")
                + "   messages: " + r.messages()
                + "   duplicates: " + r.duplicates()
                + "   peers reached: " + r.peersReached());
        println("latency: " + fmt(r.latencyMillis()) + " ms   search ended after " + fmt(r.durationMillis()) + " ms"
                + (r.timedOut() ? " (at its timeout)" : "")
                + (r.details().isEmpty() ? "" : "   " + r.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("   "))));
    }
}
