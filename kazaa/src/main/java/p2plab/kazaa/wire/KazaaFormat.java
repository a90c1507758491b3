package p2plab.kazaa.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.common.transport.LengthPrefixedFormat;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.Utf8;

/**
 * The Kazaa lab protocol on the wire: {@code <length u32><type u8><fields>}, integers
 * big-endian, strings as {@code <u16 length><UTF-8>}, lists as {@code <u16 count><entries>}.
 *
 * <pre>
 *  type  message          fields
 *   0    Attach           peer, upload i64, download i64, firewalled u8, uptime-ms i64, backup u8
 *   1    AttachAck        accepted u8, peers
 *   2    FileList         u16 n, n x (name str, size i64, sha256 32)
 *   3    Query            guid 16, ttl u8, hops u8, keywords str
 *   4    QueryHit         guid 16, hops u8, supernode peer, u16 n, n x (holder peer, file)
 *   5    SupernodeHello   peer, children i32, peers
 *   6    RoleChange       change u8 (0 promote, 1 demote), peers
 *   7    RefreshList      reattach u8, peers
 *   8    DownloadRequest  sha256 32, offset i64, length i32
 *   9    DownloadData     sha256 32, offset i64, total i64, n i32, n bytes
 *  10    DownloadRefused  sha256 32, reason str
 *  peer = id i32, host str, port u16;   peers = u16 n, n x peer
 * </pre>
 *
 * A query with TTL 3 for "blue moon" from a node whose GUID is all 0x11:
 * <pre>
 *  00 00 00 1e | 03 | 11 x16 | 03 | 00 | 00 09 62 6c 75 65 20 6d 6f 6f 6e
 *  length 30     Query  guid   ttl  hops  "blue moon"
 * </pre>
 * Frames over {@link #MAX_BODY} bytes, unknown types, truncated fields, invalid values and
 * trailing bytes are all rejected with a {@link MalformedFrameException}.
 */
public final class KazaaFormat extends LengthPrefixedFormat<KazaaMessage> {
    /** Biggest body accepted: a large file list or a 64 KiB download chunk fits easily. */
    public static final int MAX_BODY = 4 << 20;
    /** Download chunk size: what one DownloadData carries at most. */
    public static final int CHUNK = 64 * 1024;

    private static final List<String> TYPES = List.of("Attach", "AttachAck", "FileList", "Query", "QueryHit",
            "SupernodeHello", "RoleChange", "RefreshList", "DownloadRequest", "DownloadData", "DownloadRefused");

    public KazaaFormat() {
        super(MAX_BODY);
    }

    @Override
    public String overlay() {
        return "kazaa";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(KazaaMessage m) {
        if (m instanceof KazaaMessage.Attach) {
            return 0;
        } else if (m instanceof KazaaMessage.AttachAck) {
            return 1;
        } else if (m instanceof KazaaMessage.FileList) {
            return 2;
        } else if (m instanceof KazaaMessage.Query) {
            return 3;
        } else if (m instanceof KazaaMessage.QueryHit) {
            return 4;
        } else if (m instanceof KazaaMessage.SupernodeHello) {
            return 5;
        } else if (m instanceof KazaaMessage.RoleChange) {
            return 6;
        } else if (m instanceof KazaaMessage.RefreshList) {
            return 7;
        } else if (m instanceof KazaaMessage.DownloadRequest) {
            return 8;
        } else if (m instanceof KazaaMessage.DownloadData) {
            return 9;
        }
        return 10;
    }

    /** A query and its hits carry the query's GUID: the transport tallies a search by it. */
    @Override
    public Object traceKey(KazaaMessage m) {
        if (m instanceof KazaaMessage.Query q) {
            return q.guid();
        } else if (m instanceof KazaaMessage.QueryHit h) {
            return h.guid();
        }
        return null;
    }

    /**
     * Counted from the fields, without encoding: the simulator asks it for every message sent, and
     * a supernode's hellos and lists are most of them. The codec tests check it against the
     * encoding for every type. A message that the encoder would refuse (a string or list too long
     * for its u16 length, a body over {@link #MAX_BODY}) is encoded after all, to be refused the same way.
     */
    @Override
    public int sizeOf(KazaaMessage m) {
        BodySize b = new BodySize();
        b.add(1); // type
        if (m instanceof KazaaMessage.Attach a) {
            b.peer(a.self()).add(8 + 8 + 1 + 8 + 1);
        } else if (m instanceof KazaaMessage.AttachAck a) {
            b.add(1).peers(a.supernodes());
        } else if (m instanceof KazaaMessage.FileList f) {
            b.count(f.files().size());
            f.files().forEach(b::file);
        } else if (m instanceof KazaaMessage.Query q) {
            b.add(16 + 1 + 1).string(q.keywords());
        } else if (m instanceof KazaaMessage.QueryHit h) {
            b.add(16 + 1).peer(h.supernode()).count(h.files().size());
            for (FoundFile f : h.files()) {
                b.peer(f.holder()).file(f.file());
            }
        } else if (m instanceof KazaaMessage.SupernodeHello s) {
            b.peer(s.self()).add(4).peers(s.known());
        } else if (m instanceof KazaaMessage.RoleChange r) {
            b.add(1).peers(r.supernodes());
        } else if (m instanceof KazaaMessage.RefreshList r) {
            b.add(1).peers(r.supernodes());
        } else if (m instanceof KazaaMessage.DownloadRequest) {
            b.add(32 + 8 + 4);
        } else if (m instanceof KazaaMessage.DownloadData d) {
            b.add(32 + 8 + 8 + 4 + d.bytes().length);
        } else if (m instanceof KazaaMessage.DownloadRefused d) {
            b.add(32).string(d.reason());
        }
        return b.refused || b.bytes > MAX_BODY ? encode(m).length : HEADER_BYTES + (int) b.bytes;
    }

    /** The body's bytes as {@link BodyWriter} would write them, counted. */
    private static final class BodySize {
        long bytes;
        boolean refused; // a length that does not fit its u16

        BodySize add(int n) {
            bytes += n;
            return this;
        }

        BodySize count(int n) {
            refused |= n > 0xffff;
            return add(2);
        }

        BodySize string(String s) {
            int n = Utf8.length(s);
            refused |= n > 0xffff;
            return add(2 + n);
        }

        BodySize peer(PeerRef p) {
            return add(4).string(p.address().host()).add(2);
        }

        BodySize peers(List<PeerRef> peers) {
            count(peers.size());
            peers.forEach(this::peer);
            return this;
        }

        BodySize file(SharedFile f) {
            return string(f.name()).add(8 + 32);
        }
    }

    @Override
    protected byte[] encodeBody(KazaaMessage m) {
        BodyWriter w = new BodyWriter().u8(typeOf(m));
        if (m instanceof KazaaMessage.Attach a) {
            w.peer(a.self()).i64(a.uploadBytesPerSec()).i64(a.downloadBytesPerSec()).bool(a.firewalled()).i64(a.uptimeMillis())
                    .bool(a.backup());
        } else if (m instanceof KazaaMessage.AttachAck a) {
            w.bool(a.accepted()).peers(a.supernodes());
        } else if (m instanceof KazaaMessage.FileList f) {
            w.u16(f.files().size());
            f.files().forEach(w::file);
        } else if (m instanceof KazaaMessage.Query q) {
            w.guid(q.guid()).u8(q.ttl()).u8(q.hops()).string(q.keywords());
        } else if (m instanceof KazaaMessage.QueryHit h) {
            w.guid(h.guid()).u8(h.hops()).peer(h.supernode()).u16(h.files().size());
            for (FoundFile f : h.files()) {
                w.peer(f.holder()).file(f.file());
            }
        } else if (m instanceof KazaaMessage.SupernodeHello s) {
            w.peer(s.self()).i32(s.children()).peers(s.known());
        } else if (m instanceof KazaaMessage.RoleChange r) {
            w.u8(r.change().ordinal()).peers(r.supernodes());
        } else if (m instanceof KazaaMessage.RefreshList r) {
            w.bool(r.reattach()).peers(r.supernodes());
        } else if (m instanceof KazaaMessage.DownloadRequest d) {
            w.bytes(d.content().bytes()).i64(d.offset()).i32(d.length());
        } else if (m instanceof KazaaMessage.DownloadData d) {
            w.bytes(d.content().bytes()).i64(d.offset()).i64(d.total()).i32(d.bytes().length).bytes(d.bytes());
        } else if (m instanceof KazaaMessage.DownloadRefused d) {
            w.bytes(d.content().bytes()).string(d.reason());
        }
        return w.toByteArray();
    }

    @Override
    protected KazaaMessage decodeBody(ByteBuffer body) throws MalformedFrameException {
        BodyReader r = new BodyReader(body);
        int type = r.u8();
        KazaaMessage m;
        try {
            m = switch (type) {
                case 0 -> new KazaaMessage.Attach(r.peer(), r.i64(), r.i64(), r.bool(), r.i64(), r.bool());
                case 1 -> new KazaaMessage.AttachAck(r.bool(), r.peers());
                case 2 -> new KazaaMessage.FileList(files(r));
                case 3 -> new KazaaMessage.Query(r.guid(), r.u8(), r.u8(), r.string());
                case 4 -> queryHit(r);
                case 5 -> new KazaaMessage.SupernodeHello(r.peer(), r.i32(), r.peers());
                case 6 -> new KazaaMessage.RoleChange(change(r.u8()), r.peers());
                case 7 -> new KazaaMessage.RefreshList(r.bool(), r.peers());
                case 8 -> new KazaaMessage.DownloadRequest(ContentId.of(r.bytes(32)), r.i64(), r.i32());
                case 9 -> downloadData(r);
                case 10 -> new KazaaMessage.DownloadRefused(ContentId.of(r.bytes(32)), r.string());
                default -> throw new MalformedFrameException("unknown kazaa message type " + type);
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("invalid " + TYPES.get(type) + ": " + e.getMessage());
        }
        r.end();
        return m;
    }

    private static List<SharedFile> files(BodyReader r) throws MalformedFrameException {
        int n = r.count(2 + 8 + 32, "files");
        List<SharedFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(r.file());
        }
        return files;
    }

    private static KazaaMessage.QueryHit queryHit(BodyReader r) throws MalformedFrameException {
        Guid guid = r.guid();
        int hops = r.u8();
        PeerRef supernode = r.peer();
        int n = r.count(8 + 2 + 8 + 32, "found files");
        List<FoundFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(new FoundFile(r.peer(), r.file()));
        }
        return new KazaaMessage.QueryHit(guid, hops, supernode, files);
    }

    private static KazaaMessage.DownloadData downloadData(BodyReader r) throws MalformedFrameException {
        ContentId id = ContentId.of(r.bytes(32));
        long offset = r.i64();
        long total = r.i64();
        int n = r.i32();
        if (n < 0 || n > CHUNK) {
            throw new MalformedFrameException("a download chunk holds 0.." + CHUNK + " bytes, got " + n);
        }
        return new KazaaMessage.DownloadData(id, offset, total, r.bytes(n));
    }

    private static KazaaMessage.RoleChange.Change change(int code) throws MalformedFrameException {
        KazaaMessage.RoleChange.Change[] all = KazaaMessage.RoleChange.Change.values();
        if (code >= all.length) {
            throw new MalformedFrameException("unknown role change " + code);
        }
        return all[code];
    }
}
