package p2plab.kazaa.wire;

import java.util.List;
import p2plab.common.content.ContentId;

/**
 * Every message of the Kazaa overlay. FastTrack itself is proprietary and encrypted, so this is
 * a small protocol of our own with the same roles and flow (see docs/kazaa.md). Each message
 * checks its fields when built, so a decoded message is always a valid one.
 */
public sealed interface KazaaMessage {

    /** Most supernodes one list carries (FastTrack's refresh list holds up to 200). */
    int MAX_LIST = 200;
    /** Most files in one file list or query hit (the count is a u16 on the wire). */
    int MAX_FILES = 65_535;

    /**
     * Ordinary node -> supernode: "take me as your child" (or, with {@code backup}, "keep a link
     * for me to fail over to"); carries what the election weighs.
     */
    record Attach(PeerRef self, long uploadBytesPerSec, long downloadBytesPerSec, boolean firewalled,
                  long uptimeMillis, boolean backup) implements KazaaMessage {
        public Attach {
            require(self != null, "attach needs the sender");
            require(uploadBytesPerSec >= 0 && downloadBytesPerSec >= 0, "rates are >= 0");
            require(uptimeMillis >= 0, "uptime is >= 0");
        }
    }

    /** Supernode -> node: accepted or not, and supernodes to try (next, or when this one dies). */
    record AttachAck(boolean accepted, List<PeerRef> supernodes) implements KazaaMessage {
        public AttachAck {
            supernodes = list(supernodes, MAX_LIST, "supernodes");
        }
    }

    /** Node -> its supernode: everything it shares; replaces whatever the supernode held for it. */
    record FileList(List<SharedFile> files) implements KazaaMessage {
        public FileList {
            files = list(files, MAX_FILES, "files");
        }
    }

    /**
     * A search. From a node to its supernode, then flooded among supernodes only.
     * {@code ttl}: supernode hops it may still travel; {@code hops}: supernode hops travelled.
     */
    record Query(Guid guid, int ttl, int hops, String keywords) implements KazaaMessage {
        public Query {
            require(guid != null, "a query needs a GUID");
            require(ttl >= 0 && ttl <= 255, "ttl must be 0..255, got " + ttl);
            require(hops >= 0 && hops <= 255, "hops must be 0..255, got " + hops);
            require(keywords != null && !keywords.isBlank(), "a query needs keywords");
        }
    }

    /** Answers from one supernode's index, routed back the way the query came. */
    record QueryHit(Guid guid, int hops, PeerRef supernode, List<FoundFile> files) implements KazaaMessage {
        public QueryHit {
            require(guid != null, "a query hit needs the query's GUID");
            require(hops >= 0 && hops <= 255, "hops must be 0..255, got " + hops);
            require(supernode != null, "a query hit names the supernode that answered");
            files = list(files, MAX_FILES, "files");
        }
    }

    /** Supernode <-> supernode: opens a supernode link and, repeated, reports load and known supernodes. */
    record SupernodeHello(PeerRef self, int children, List<PeerRef> known) implements KazaaMessage {
        public SupernodeHello {
            require(self != null, "hello needs the sender");
            require(children >= 0, "children is >= 0");
            known = list(known, MAX_LIST, "known supernodes");
        }
    }

    /** Election outcome: a supernode promotes a child, or tells its links that it steps down. */
    record RoleChange(Change change, List<PeerRef> supernodes) implements KazaaMessage {
        public enum Change { PROMOTE, DEMOTE }

        public RoleChange {
            require(change != null, "role change needs a change");
            supernodes = list(supernodes, MAX_LIST, "supernodes");
        }
    }

    /** Supernode -> child: fresh supernodes to fail over to; with {@code reattach}, move there now. */
    record RefreshList(boolean reattach, List<PeerRef> supernodes) implements KazaaMessage {
        public RefreshList {
            supernodes = list(supernodes, MAX_LIST, "supernodes");
        }
    }

    /** Asker -> holder, directly: send me {@code length} bytes of this file from {@code offset}. */
    record DownloadRequest(ContentId content, long offset, int length) implements KazaaMessage {
        public DownloadRequest {
            require(content != null, "a download request names the content");
            require(offset >= 0, "offset is >= 0, got " + offset);
            require(length >= 0 && length <= KazaaFormat.CHUNK, "a request asks for 0.." + KazaaFormat.CHUNK + " bytes, got " + length);
        }
    }

    /** Holder -> asker: one chunk of the file, at {@code offset} of {@code total} bytes. */
    record DownloadData(ContentId content, long offset, long total, byte[] bytes) implements KazaaMessage {
        public DownloadData {
            require(content != null, "download data names the content");
            require(offset >= 0 && total >= 0 && bytes != null && offset + bytes.length <= total,
                    "chunk of " + (bytes == null ? 0 : bytes.length) + " bytes at " + offset + " does not fit a file of " + total);
        }
    }

    /** Holder -> asker: it cannot serve the file. */
    record DownloadRefused(ContentId content, String reason) implements KazaaMessage {
        public DownloadRefused {
            require(content != null, "a refusal names the content");
            require(reason != null, "a refusal says why");
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    private static <T> List<T> list(List<T> items, int max, String what) {
        require(items != null, what + " must not be null");
        require(items.size() <= max, "at most " + max + " " + what + ", got " + items.size());
        return List.copyOf(items);
    }
}
