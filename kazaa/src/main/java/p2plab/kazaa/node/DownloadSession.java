package p2plab.kazaa.node;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.KazaaFormat;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.KazaaMessage.DownloadData;
import p2plab.kazaa.wire.KazaaMessage.DownloadRequest;

/**
 * One download, directly from a holder to the asker (no supernode in between): chunk requests
 * are pipelined on one connection, the bytes are hashed as they arrive, and the result is
 * verified against the content hash. If a holder fails or refuses, the next known holder is tried.
 */
final class DownloadSession {
    /** Chunk requests in flight on the connection. */
    static final int PIPELINE = 8;

    private final Node<KazaaMessage> node;
    private final PeerId downloader;
    private final Deque<FoundFile> sources;
    private final DownloadProgress progress;
    private final CompletableFuture<TransferResult> result;
    private final long startNanos;
    private FoundFile source;
    private Link<KazaaMessage> link;
    private MessageDigest digest;
    private long requested;
    private long received;

    DownloadSession(Node<KazaaMessage> node, PeerId downloader, List<FoundFile> sources, DownloadProgress progress,
                    CompletableFuture<TransferResult> result) {
        this.node = node;
        this.downloader = downloader;
        this.sources = new ArrayDeque<>(sources);
        this.progress = progress;
        this.result = result;
        this.startNanos = node.clock().nanos();
    }

    void start() {
        source = sources.poll();
        if (source == null) {
            result.completeExceptionally(new OverlayException("download failed: no holder could deliver the file; search again"));
            return;
        }
        digest = Digests.sha256();
        requested = 0;
        received = 0;
        FoundFile from = source;
        node.connect(from.holder().address()).whenComplete((l, error) -> {
            if (error != null) {
                start(); // holder unreachable: next one
                return;
            }
            link = l;
            l.attach(this);
            requestMore();
        });
    }

    private long size() {
        return source.file().size();
    }

    private void requestMore() {
        long size = size();
        if (size == 0 && requested == 0) {
            link.send(new DownloadRequest(source.file().content(), 0, 0));
            requested = -1; // the one empty request is out
            return;
        }
        while (requested >= 0 && requested < size && requested - received < (long) PIPELINE * KazaaFormat.CHUNK) {
            int n = (int) Math.min(KazaaFormat.CHUNK, size - requested);
            link.send(new DownloadRequest(source.file().content(), requested, n));
            requested += n;
        }
    }

    void onData(DownloadData d) {
        if (!d.content().equals(source.file().content()) || d.offset() != received || d.total() != size()) {
            fail("the holder sent bytes out of order or for the wrong file");
            return;
        }
        digest.update(d.bytes());
        received += d.bytes().length;
        progress.update(received, size(), 1);
        if (received == size()) {
            link.attach(null);
            link.close();
            boolean verified = ContentId.of(digest.digest()).equals(source.file().content());
            result.complete(new TransferResult(downloader, source.file().content(), source.file().name(), received,
                    (node.clock().nanos() - startNanos) / 1e6,
                    List.of(new TransferResult.Source(PeerId.of(source.holder().id()), received)), verified));
        } else {
            requestMore();
        }
    }

    void onRefused(KazaaMessage.DownloadRefused r) {
        fail("peer " + source.holder().id() + " refused: " + r.reason());
    }

    void onClosed() {
        if (!result.isDone()) {
            fail("peer " + source.holder().id() + " went away mid-transfer");
        }
    }

    private void fail(String why) {
        Link<KazaaMessage> l = link;
        link = null;
        if (l != null) {
            l.attach(null);
            l.close();
        }
        if (sources.isEmpty()) {
            result.completeExceptionally(new OverlayException("download failed: " + why + "; search again for other holders"));
        } else {
            start();
        }
    }
}
