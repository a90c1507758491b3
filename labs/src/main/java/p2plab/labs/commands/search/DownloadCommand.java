package p2plab.labs.commands.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.units.DataRate;
import p2plab.common.units.DataSize;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.ProgressBar;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code download <peer> <name-or-id>}: a live progress bar, then the time and where the bytes came from. */
@Command(name = "download", description = "Download a file to a peer (or to all, 3..10, 3,5,7 at once), by name or content id; shows progress, time and sources.")
public final class DownloadCommand extends LabCommand {

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class,
            description = "The peer that downloads; all, a range (3..10) or a list (3,5,7) start those downloads at once.")
    String peer;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<name-or-id>", completionCandidates = Candidates.SharedNames.class,
            description = "A file name (as `search` shows it), its content id, or the first 8+ digits of the id.")
    List<String> what;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    DownloadCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        if (SwarmDownload.isPeerSet(peer)) {
            if (json) {
                throw new LabException("--json takes one peer; a swarm download (all, 3..10) prints a table");
            }
            List<PeerId> first = n.sharingPeers();
            if (first.isEmpty()) {
                throw new LabException("no running peer can download; `peer add --count 10` adds some");
            }
            ContentId id = resolve(n, first.get(0), String.join(" ", what));
            SwarmDownload.run(console(), n, SwarmDownload.peers(n, peer, id), id, DOWNLOAD_TIMEOUT);
            return;
        }
        PeerId to = n.peer(peer);
        ContentId id = resolve(n, to, String.join(" ", what));
        ProgressBar bar = console().ansi() && !json ? new ProgressBar(console(), () -> n.network().transport().clock().nanos()) : null;
        TransferResult r;
        try {
            r = await(n.network().transport(), n.network().download(to, id, bar == null ? DownloadProgress.NONE : bar),
                    DOWNLOAD_TIMEOUT, "the download");
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        if (json) {
            printJson(r);
            return;
        }
        println("downloaded '" + r.name() + "' (" + DataSize.format(r.bytes()) + ") to peer " + r.downloader()
                + " in " + fmt2(r.durationMillis() / 1000) + " s at " + DataRate.format((long) r.rateBytesPerSec())
                + (r.verified() ? ", verified" : ", NOT verified: the bytes do not match the content id"));
        println("sources: " + r.sources().size() + "   " + r.sources().stream()
                .map(s -> "peer " + s.peer() + " " + DataSize.format(s.bytes())
                        + String.format(Locale.ROOT, " (%.0f%%)", r.bytes() == 0 ? 0.0 : 100.0 * s.bytes() / r.bytes()))
                .collect(Collectors.joining(", ")));
    }

    /** A content id from what the user typed: a full id, a known name, an id prefix, or else a search for the name. */
    private ContentId resolve(LabNetwork n, PeerId from, String text) {
        String t = text.trim();
        if (t.matches("[0-9a-fA-F]{64}")) {
            return new ContentId(t.toLowerCase(Locale.ROOT));
        }
        List<Content> named = n.byName(t);
        if (!named.isEmpty()) {
            return named.get(0).id();
        }
        if (t.matches("[0-9a-fA-F]{6,63}")) {
            List<Content> prefixed = n.byIdPrefix(t);
            if (prefixed.size() == 1) {
                return prefixed.get(0).id();
            }
            if (prefixed.size() > 1) {
                throw new LabException("'" + t + "' is the start of " + prefixed.size() + " content ids; type more digits");
            }
        }
        Query q;
        try {
            q = Query.of(t);
        } catch (IllegalArgumentException e) {
            throw new LabException("'" + t + "' is neither a file name nor a content id; `search` shows both");
        }
        SearchResult r = await(n.network().transport(), n.network().search(from, q), SEARCH_TIMEOUT, "the search for '" + t + "'");
        List<Hit> exact = r.hits().stream().filter(h -> h.name().equalsIgnoreCase(t)).toList();
        List<ContentId> ids = (exact.isEmpty() ? r.hits() : exact).stream().map(Hit::content).distinct().toList();
        if (ids.isEmpty()) {
            throw new LabException("nothing called '" + t + "' was found from peer " + from + "; try `search " + from + " <keywords>`");
        }
        if (ids.size() > 1) {
            throw new LabException("'" + t + "' matches " + ids.size() + " files; give the exact name or an id from `search " + from + " " + t + "`");
        }
        return ids.get(0);
    }
}
