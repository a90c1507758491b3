package p2plab.labs.commands.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.Console.Colour;
import p2plab.labs.console.Table;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code search <peer> <keywords...>}: what finding it cost (one short summary, the same on every
 * overlay), then the first hits. Overlay details (GUIDs, supernodes, rounds) wait for --verbose,
 * so the summary stays on a projector's screen.
 */
@Command(name = "search", description = "Search from a peer: a summary (hits, hops, messages, peers reached, latency), then the first 20 hits.")
public final class SearchCommand extends LabCommand {
    static final int DEFAULT_ROWS = 20;

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class, description = "The peer that asks.")
    String peer;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<keywords>", description = "Words that must all be in a file's name.")
    List<String> keywords;

    @Option(names = "--ttl", paramLabel = "T", defaultValue = "0", description = "How far a flooding overlay forwards it (default: the overlay's).")
    int ttl;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_ROWS, description = "Show at most N hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--all", description = "Show every hit.")
    boolean all;

    @Option(names = {"-v", "--verbose"}, description = "Also show when the search ended and the overlay's own details.")
    boolean verbose;

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
        if (limit < 1) {
            throw new LabException("--limit must be at least 1, got " + limit + "; --all shows every hit");
        }
        Query q = new Query(String.join(" ", keywords), ttl);
        CompletableFuture<SearchResult> started;
        try {
            started = n.network().search(from, q);
        } catch (RuntimeException e) {
            requireSomeoneAlive(n); // only now: a live asker proves someone is alive, without reading every peer
            throw e;
        }
        SearchResult r = await(n.network().transport(), started, SEARCH_TIMEOUT, "the search");
        if (json) {
            printJson(r);
            return;
        }
        print(r);
    }

    /** With every peer down, "use another peer" would send the user in circles. */
    private static void requireSomeoneAlive(LabNetwork n) {
        List<PeerInfo> peers = n.network().topology().peers();
        if (!peers.isEmpty() && peers.stream().noneMatch(PeerInfo::alive)) {
            throw new LabException("every peer of " + n.name() + " is down; revive one with `peer revive "
                    + peers.get(0).id() + "` or add new ones with `peer add --count 5`");
        }
    }

    private void print(SearchResult r) {
        println("search '" + r.query().text() + "' from peer " + r.from() + " on " + lab.current().name()
                + (r.query().ttl() > 0 ? " (ttl " + r.query().ttl() + ")" : ""));
        println(summary(r, console().colour(r.found() ? Colour.GREEN : Colour.YELLOW, "hits: " + r.hits().size())));
        if (verbose) {
            println(details(r));
        }
        if (!r.found()) {
            return;
        }
        int shown = all ? r.hits().size() : Math.min(limit, r.hits().size());
        Table t = new Table("#", "name", "size", "holder", hopsHeader(r.overlay()), "id");
        for (int i = 0; i < shown; i++) {
            Hit h = r.hits().get(i);
            t.row(i + 1, h.name(), DataSize.format(h.size()), h.holder(), h.hops(), h.content().shortHex());
        }
        t.print(console());
        int more = r.hits().size() - shown;
        if (more > 0) {
            println("... and " + more + " more (--all shows every hit, --limit N the first N)");
        }
    }

    /**
     * The one line every overlay prints: hits and distinct files, then (only when something was
     * found) hops and latency to the first hit, then the cost.
     */
    static String summary(SearchResult r, String hitsLabel) {
        StringBuilder b = new StringBuilder(hitsLabel);
        if (r.found()) {
            long distinct = r.hits().stream().map(Hit::content).distinct().count();
            b.append(" (").append(distinct).append(distinct == 1 ? " file" : " files").append(")")
                    .append("   first hit: ").append(hops(r.overlay(), r.hopsToFirstHit()))
                    .append(", ").append(fmt(r.latencyMillis())).append(" ms");
        }
        b.append("   messages: ").append(r.messages());
        if (r.duplicates() > 0) {
            b.append(" (").append(r.duplicates()).append(" duplicates)");
        }
        b.append("   peers reached: ").append(r.peersReached());
        return b.toString();
    }

    private static String details(SearchResult r) {
        String ended = "search ended after " + fmt(r.durationMillis()) + " ms" + (r.timedOut() ? " (at its timeout)" : "");
        String extra = r.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + (e.getValue().isEmpty() ? "-" : e.getValue())).collect(Collectors.joining("   "));
        return extra.isEmpty() ? ended : ended + "   " + extra;
    }

    /**
     * Hops in the overlay's own unit. Kazaa counts supernode-to-supernode hops beyond the asker's
     * own supernode, so a file indexed there is found at 0 hops; saying so avoids a puzzling "0".
     */
    static String hops(String overlay, int hops) {
        if (overlay.equals("kazaa")) {
            return hops == 0 ? "at the asker's own supernode" : hops + (hops == 1 ? " supernode hop" : " supernode hops") + " away";
        }
        return hops + (hops == 1 ? " hop" : " hops");
    }

    private static String hopsHeader(String overlay) {
        return overlay.equals("kazaa") ? "sn hops" : "hops";
    }
}
