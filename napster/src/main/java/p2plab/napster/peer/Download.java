package p2plab.napster.peer;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import p2plab.common.content.BytesContent;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapMessage.Chunk;
import p2plab.napster.wire.NapMessage.ChunkAck;
import p2plab.napster.wire.NapMessage.DownloadAck;
import p2plab.napster.wire.NapMessage.ErrorMessage;
import p2plab.napster.wire.NapMessage.Get;
import p2plab.napster.wire.NapMessage.GetAck;
import p2plab.napster.wire.NapMessage.Invalid;

/**
 * One download, straight from a holder, never through the server: ask the server where the
 * holder listens (203/204), connect to it, send Get from the first missing byte, take the chunks
 * in order and acknowledge each, and check the SHA-256 at the end.
 *
 * <p>When the holder fails (its connection drops, it refuses), the download asks the server
 * afresh who shares the file and resumes from the byte it had reached with another holder.
 */
final class Download {
    /** Larger downloads are verified but not kept in memory. */
    static final long KEEP_LIMIT = 256L << 20;

    final CompletableFuture<TransferResult> future = new CompletableFuture<>();
    private final NapsterPeer peer;
    private final ContentId id;
    private final String name;
    private final long size;
    private final DownloadProgress progress;
    private final MessageDigest digest = Digests.sha256();
    private final byte[] data;
    private final Set<String> failedHolders = new HashSet<>();
    private final Map<String, Long> bytesBySource = new LinkedHashMap<>();
    private final long startNanos;
    private List<Hit> candidates;
    private int attempts;
    private long received;
    private String holder;
    private Link<NapMessage> link;
    private String lastProblem = "";
    private boolean done;

    Download(NapsterPeer peer, ContentId id, String name, long size, List<Hit> knownHolders, DownloadProgress progress) {
        this.peer = peer;
        this.id = id;
        this.name = name;
        this.size = size;
        this.progress = progress;
        this.candidates = new ArrayList<>(knownHolders);
        this.data = size <= KEEP_LIMIT ? new byte[(int) size] : null;
        this.startNanos = peer.now();
    }

    void start() {
        next(false);
    }

    // ---- choosing a holder ----

    private void next(boolean searched) {
        if (done) {
            return;
        }
        Hit choice = null;
        for (Hit h : candidates) {
            String nick = h.holder().label();
            if (h.content().equals(id) && !failedHolders.contains(nick) && !nick.equals(peer.nick())) {
                choice = h;
                break;
            }
        }
        if (choice == null) {
            if (searched) {
                fail("no other live peer shares it" + (lastProblem.isEmpty() ? "" : " (last holder: " + lastProblem + ")"));
            } else {
                freshSearch();
            }
            return;
        }
        if (attempts >= peer.settings().downloadAttempts()) {
            fail("gave up after " + attempts + " holders (last: " + lastProblem + ")");
            return;
        }
        attempts++;
        holder = choice.holder().label();
        String asked = holder;
        peer.requestDownload(holder, name).whenComplete((ack, error) -> {
            if (done) {
                return;
            }
            if (error != null) {
                fail(unwrap(error).getMessage());
            } else if (ack == null) {
                holderFailed(asked + " is no longer logged in or no longer shares it");
            } else {
                connect(ack);
            }
        });
    }

    private void freshSearch() {
        Query query;
        try {
            query = Query.of(name);
        } catch (IllegalArgumentException e) {
            fail("its name has no keyword to search for");
            return;
        }
        peer.search(query).whenComplete((result, error) -> {
            if (done) {
                return;
            }
            if (error != null) {
                fail(unwrap(error).getMessage());
                return;
            }
            candidates = result.hits();
            next(true);
        });
    }

    private void connect(DownloadAck ack) {
        String asked = holder;
        peer.node().connect(new Address(ack.ip(), ack.port())).whenComplete((l, error) -> {
            if (done) {
                if (l != null) {
                    l.close();
                }
                return;
            }
            if (error != null) {
                holderFailed("cannot connect to " + asked + ": " + unwrap(error).getMessage());
                return;
            }
            link = l;
            link.attach(this);
            link.send(new Get(peer.nick(), name, received));
        });
    }

    // ---- the data connection ----

    void onMessage(NapMessage message) {
        if (done) {
            return;
        }
        if (message instanceof GetAck ack) {
            if (ack.size() != size) {
                holderFailed(holder + " has " + ack.size() + " bytes, the index said " + size);
            } else if (received == size) {
                finish();
            }
        } else if (message instanceof Chunk chunk) {
            onChunk(chunk);
        } else if (message instanceof ErrorMessage e) {
            holderFailed(holder + " refused: " + e.text());
        } else if (message instanceof Invalid bad) {
            holderFailed(holder + " sent a bad frame: " + bad.reason());
        } else {
            holderFailed(holder + " sent an unexpected " + message.type().label());
        }
    }

    private void onChunk(Chunk chunk) {
        byte[] bytes = chunk.data();
        if (chunk.offset() != received || received + bytes.length > size) {
            holderFailed(holder + " sent bytes at " + chunk.offset() + ", expected " + received);
            return;
        }
        digest.update(bytes);
        if (data != null) {
            System.arraycopy(bytes, 0, data, (int) received, bytes.length);
        }
        received += bytes.length;
        bytesBySource.merge(holder, (long) bytes.length, Long::sum);
        link.send(new ChunkAck(received));
        progress.update(received, size, 1);
        if (received == size) {
            finish();
        }
    }

    void onClosed(String reason) {
        if (!done) {
            holderFailed("connection to " + holder + " lost (" + reason + ")");
        }
    }

    // ---- endings ----

    private void holderFailed(String problem) {
        failedHolders.add(holder);
        lastProblem = problem;
        dropLink();
        candidates = List.of(); // the retry asks the server afresh
        next(false);
    }

    private void finish() {
        done = true;
        dropLink();
        boolean verified = Arrays.equals(digest.digest(), id.bytes());
        if (verified && data != null) {
            peer.keep(BytesContent.verified(name, id, data));
        }
        List<TransferResult.Source> sources = new ArrayList<>();
        bytesBySource.forEach((nick, bytes) -> sources.add(new TransferResult.Source(PeerId.parse(nick), bytes)));
        future.complete(new TransferResult(PeerId.parse(peer.nick()), id, name, received,
                (peer.now() - startNanos) / 1e6, sources, verified));
        peer.downloadEnded(this);
    }

    private void fail(String why) {
        done = true;
        dropLink();
        future.completeExceptionally(new OverlayException("download of \"" + name + "\" failed at " + received + " of "
                + size + " bytes: " + why));
        peer.downloadEnded(this);
    }

    private void dropLink() {
        if (link != null) {
            link.attach(null);
            link.close();
            link = null;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
