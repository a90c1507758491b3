package p2plab.labs.commands.search;

import p2plab.labs.commands.base.LabCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Transport;
import p2plab.common.units.DataRate;
import p2plab.common.units.DataSize;
import p2plab.labs.console.Console;
import p2plab.labs.console.SwarmView;
import p2plab.labs.console.Table;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;

/**
 * {@code download all demo.bin}, {@code download 3..10 demo.bin}: several peers start the same
 * download at the same moment (lab 5's "every peer downloads the file"), with a live view of
 * all of them and each peer's time at the end.
 */
final class SwarmDownload {
    /** Real time between two redraws while a TCP swarm runs. */
    private static final Duration SLICE = Duration.ofMillis(200);

    private SwarmDownload() {
    }

    /** True for {@code all}, {@code 3..10} or {@code 3,5,7}: more than one peer. */
    static boolean isPeerSet(String text) {
        return text.equals("all") || text.contains("..") || text.contains(",");
    }

    /**
     * The peers {@code text} names: {@code all} is every running peer that can download (not
     * index servers or trackers) and was not given the file with `share`; a range or a list
     * names them, each of which must exist.
     */
    static List<PeerId> peers(LabNetwork n, String text, ContentId what) {
        List<PeerId> out = new ArrayList<>();
        if (text.equals("all")) {
            for (PeerId p : n.sharingPeers()) {
                if (!n.holders(what).contains(p)) {
                    out.add(p);
                }
            }
            if (out.isEmpty()) {
                throw new LabException("no running peer is left to download it; `peer add --count 10` adds some");
            }
            return out;
        }
        for (String part : text.split(",")) {
            String[] ends = part.split("\\.\\.", -1);
            if (ends.length > 2 || ends[0].isBlank() || (ends.length == 2 && ends[1].isBlank())) {
                throw new LabException("'" + text + "' is not a set of peers; write all, a range such as 3..10, or a list such as 3,5,7");
            }
            PeerId from = n.peer(ends[0]);
            PeerId to = ends.length == 2 ? n.peer(ends[1]) : from;
            if (to.value() < from.value()) {
                throw new LabException("the range " + part + " runs backwards; write " + to + ".." + from);
            }
            for (int i = from.value(); i <= to.value(); i++) {
                if (!out.contains(PeerId.of(i))) {
                    out.add(PeerId.of(i));
                }
            }
        }
        return out;
    }

    /** Starts every download at once, waits for all, and prints each peer's outcome; fails if any failed. */
    static void run(Console console, LabNetwork n, List<PeerId> peers, ContentId what, Duration timeout) {
        Transport transport = n.network().transport();
        SwarmView view = new SwarmView(console, peers);
        List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
        long start = transport.clock().nanos();
        for (int i = 0; i < peers.size(); i++) {
            try {
                downloads.add(n.network().download(peers.get(i), what, view.progress(i)));
            } catch (RuntimeException e) { // a dead peer, say: its row tells, the others go on
                downloads.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            awaitAll(transport, downloads, view, timeout);
        } finally {
            view.finish();
        }
        report(console, n, peers, downloads, (transport.clock().nanos() - start) / 1e9);
    }

    /** Waits in slices so the view is redrawn while a TCP swarm runs (a simulated one redraws as its events run). */
    private static void awaitAll(Transport transport, List<CompletableFuture<TransferResult>> downloads, SwarmView view, Duration timeout) {
        CompletableFuture<Void> all = CompletableFuture.allOf(downloads.stream()
                .map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new));
        long deadline = transport.clock().nanos() + timeout.toNanos();
        while (!all.isDone()) {
            long before = transport.clock().nanos();
            if (before >= deadline) {
                break;
            }
            try {
                transport.await(all, transport.kind().equals("sim") ? timeout : SLICE);
            } catch (TimeoutException e) {
                if (transport.clock().nanos() == before) {
                    break; // a simulation with nothing left to do: the rest never finish
                }
            }
            view.redraw(false);
        }
    }

    private static void report(Console console, LabNetwork n, List<PeerId> peers, List<CompletableFuture<TransferResult>> downloads,
                               double seconds) {
        Table t = new Table("peer", "time", "rate", "sources", "outcome");
        int failed = 0;
        String name = null;
        long bytes = 0;
        double last = 0;
        for (int i = 0; i < peers.size(); i++) {
            CompletableFuture<TransferResult> f = downloads.get(i);
            if (f.isDone() && !f.isCompletedExceptionally()) {
                TransferResult r = f.join();
                name = r.name();
                bytes = r.bytes();
                last = Math.max(last, r.durationMillis() / 1000);
                t.row(peers.get(i), String.format(Locale.ROOT, "%.2f s", r.durationMillis() / 1000),
                        DataRate.format((long) r.rateBytesPerSec()), r.sources().size(), r.verified() ? "verified" : "NOT verified");
                failed += r.verified() ? 0 : 1;
            } else {
                failed++;
                t.row(peers.get(i), "-", "-", "-", f.isDone() ? "failed: " + why(f) : "not finished");
            }
        }
        t.print(console);
        int ok = peers.size() - failed;
        console.println(ok + " of " + peers.size() + " peers downloaded" + (name == null ? "" : " '" + name + "' (" + DataSize.format(bytes) + ")")
                + " at once" + (ok > 0 ? String.format(Locale.ROOT, "; the last finished after %.2f s", last) : "")
                + " (protocol time)");
        if (failed > 0) {
            throw new LabException(failed + " of " + peers.size() + " downloads did not complete; see the table above");
        }
    }

    private static String why(CompletableFuture<TransferResult> f) {
        try {
            f.join();
            return "";
        } catch (CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return c instanceof OverlayException || c instanceof LabException ? c.getMessage() : c.toString();
        }
    }
}
