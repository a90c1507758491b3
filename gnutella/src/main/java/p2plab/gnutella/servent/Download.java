package p2plab.gnutella.servent;

import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.OverlayException;
import p2plab.common.time.Clock;
import p2plab.gnutella.message.GetRequest;
import p2plab.gnutella.message.GetResponse;

/**
 * One download straight from the responding servent, on a connection of its own: GET the next
 * range, hash what arrives, and when the last byte is in compare the SHA-256 with the hit's.
 * One request is outstanding at a time, so ranges arrive in order.
 */
final class Download {
    private final FoundFile source;
    private final DownloadProgress progress;
    private final int chunkBytes;
    private final Clock clock;
    private final long startNanos;
    private final MessageDigest sha256 = Digests.sha256();
    private final CompletableFuture<DownloadOutcome> result = new CompletableFuture<>();
    private Connection connection;
    private long received;

    Download(FoundFile source, DownloadProgress progress, int chunkBytes, Clock clock) {
        this.source = source;
        this.progress = progress;
        this.chunkBytes = chunkBytes;
        this.clock = clock;
        this.startNanos = clock.nanos();
    }

    CompletableFuture<DownloadOutcome> result() {
        return result;
    }

    void start(Connection c) {
        connection = c;
        if (source.size() == 0) {
            finish();
        } else {
            requestNext();
        }
    }

    private void requestNext() {
        long last = Math.min(source.size(), received + chunkBytes) - 1;
        connection.send(new GetRequest(source.index(), source.name(), received, last));
    }

    void onResponse(GetResponse r) {
        if (result.isDone()) {
            return;
        }
        if (!r.ok()) {
            fail(source.holder() + " answered " + r.status() + " " + r.reason());
            return;
        }
        if (r.first() != received || r.total() != source.size() || r.body().length == 0
                || received + r.body().length > source.size()) {
            fail(source.holder() + " sent bytes " + r.first() + "+" + r.body().length + " of " + r.total()
                    + " where " + received + " of " + source.size() + " was due");
            return;
        }
        sha256.update(r.body());
        received += r.body().length;
        progress.update(received, source.size(), 1);
        if (received == source.size()) {
            finish();
        } else {
            requestNext();
        }
    }

    void onClosed(String reason) {
        if (!result.isDone()) {
            fail("connection to " + source.holder() + " closed after " + received + " of " + source.size()
                    + " bytes (" + reason + ")");
        }
    }

    void fail(String why) {
        if (connection != null) {
            connection.link.close();
        }
        result.completeExceptionally(new OverlayException("download of '" + source.name() + "' failed: " + why
                + "; search again and pick another holder"));
    }

    private void finish() {
        boolean verified = ContentId.of(sha256.digest()).equals(source.content());
        connection.link.close();
        result.complete(new DownloadOutcome(source, received, verified, (clock.nanos() - startNanos) / 1e6));
    }
}
