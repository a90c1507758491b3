package p2plab.napster.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.Utf8;
import p2plab.common.transport.WireFormat;
import p2plab.napster.wire.NapMessage.Browse;
import p2plab.napster.wire.NapMessage.BrowseEnd;
import p2plab.napster.wire.NapMessage.BrowseResult;
import p2plab.napster.wire.NapMessage.Chunk;
import p2plab.napster.wire.NapMessage.ChunkAck;
import p2plab.napster.wire.NapMessage.DownloadAck;
import p2plab.napster.wire.NapMessage.DownloadRequest;
import p2plab.napster.wire.NapMessage.LoginError;
import p2plab.napster.wire.NapMessage.ErrorMessage;
import p2plab.napster.wire.NapMessage.Get;
import p2plab.napster.wire.NapMessage.GetAck;
import p2plab.napster.wire.NapMessage.GetError;
import p2plab.napster.wire.NapMessage.Invalid;
import p2plab.napster.wire.NapMessage.Login;
import p2plab.napster.wire.NapMessage.LoginAck;
import p2plab.napster.wire.NapMessage.Ping;
import p2plab.napster.wire.NapMessage.Search;
import p2plab.napster.wire.NapMessage.SearchEnd;
import p2plab.napster.wire.NapMessage.SearchResult;
import p2plab.napster.wire.NapMessage.Share;
import p2plab.napster.wire.NapMessage.Unshare;

/**
 * The Napster wire format, OpenNap framing: a 4-byte header, then the body.
 *
 * <pre>
 *   length u16 LE | type u16 LE | body (length bytes)
 *
 *   2e 00  c8 00  70 31 2e 31 20 ...   a search (type 200 = 0x00c8) of 46 bytes:
 *                                       p1.1 FILENAME CONTAINS "velvet" MAX_RESULTS 10
 *   14 00  02 00  70 33 20 78 20 ...   a login (type 2) of 20 bytes: p3 x 6000 "p2plab" 0
 * </pre>
 *
 * Bodies are UTF-8 text, fields separated by one space, file names and client names in double
 * quotes (so they may hold spaces but not quotes); the one binary body is the chunk:
 * {@code offset u64 LE | data}. The layout of each type:
 *
 * <pre>
 *   0    LoginError     text
 *   2    Login          nick password port "client" link-type
 *   3    LoginAck       email
 *   100  Share          "file" sha256-hex size bitrate freq seconds   (the last three are 0)
 *   102  Unshare        "file"
 *   200  Search         search-id FILENAME CONTAINS "keywords" MAX_RESULTS n
 *   201  SearchResult   search-id "file" sha256-hex size bitrate freq seconds nick ip link-type
 *   202  SearchEnd      search-id
 *   203  DownloadRequest nick "file"
 *   204  DownloadAck    nick ip port "file" sha256-hex link-type
 *   206  GetError       nick "file"
 *   211  Browse         nick
 *   212  BrowseResult   nick "file" sha256-hex size bitrate freq seconds
 *   213  BrowseEnd      nick
 *   404  ErrorMessage   text
 *   750  Ping           (empty)
 *   3000 Get            nick "file" offset         (peer-to-peer data connection)
 *   3001 GetAck         size
 *   3002 Chunk          offset u64 LE, data
 *   3003 ChunkAck       bytes-received
 * </pre>
 *
 * A frame of an unknown type, with a broken field, or longer than its type allows
 * ({@link MessageType#maxBody()}) is skipped whole and handed up as {@link Invalid}, so the
 * receiver can tell the client what was wrong with a 404 error message.
 */
public final class NapsterCodec implements WireFormat<NapMessage> {
    public static final int HEADER_BYTES = 4;
    /** Text messages: names are short; anything longer is a broken or hostile client. */
    public static final int MAX_CONTROL_BODY = 2048;
    /** Largest data a chunk may carry (the u16 length caps a frame at 65,535 bytes anyway). */
    public static final int MAX_CHUNK = 60 * 1024;
    public static final int CHUNK_HEADER = 8;

    private static final List<String> TYPE_NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (MessageType t : MessageType.values()) {
            names.add(t.label());
        }
        TYPE_NAMES = List.copyOf(names);
    }

    /** The key under which the transport tallies one search's messages. */
    public record SearchTrace(String searchId) {
    }

    @Override
    public String overlay() {
        return "napster";
    }

    @Override
    public List<String> messageTypes() {
        return TYPE_NAMES;
    }

    @Override
    public int typeOf(NapMessage message) {
        return message.type().ordinal();
    }

    @Override
    public Object traceKey(NapMessage message) {
        if (message instanceof Search s) {
            return new SearchTrace(s.searchId());
        } else if (message instanceof SearchResult r) {
            return new SearchTrace(r.searchId());
        } else if (message instanceof SearchEnd e) {
            return new SearchTrace(e.searchId());
        }
        return null;
    }

    /**
     * Counted without encoding for the two messages a simulation sends most: chunks, and search
     * results from a pre-encoded hit. The codec tests check both counts against the encoding.
     */
    @Override
    public int sizeOf(NapMessage message) {
        if (message instanceof Chunk c) {
            return HEADER_BYTES + CHUNK_HEADER + c.data().length;
        } else if (message instanceof SearchResult r && r.encoded() != null) {
            return HEADER_BYTES + Utf8.length(r.searchId()) + r.encoded().tail().length;
        } else if (message instanceof Share m && m.file() != null && m.file().indexOf('"') < 0 && m.hash() != null
                && !m.hash().isEmpty() && m.hash().indexOf(' ') < 0 && m.hash().indexOf('"') < 0) {
            // Counted, not encoded: a simulated catalogue sends the index server 773,000 of these.
            // "file" hash size 0 0 0
            int body = Utf8.length(m.file()) + 2 + 1 + Utf8.length(m.hash()) + 1 + Utf8.decimalLength(m.size()) + 6;
            if (body <= MessageType.SHARE.maxBody()) {
                return HEADER_BYTES + body;
            }
        }
        return encode(message).length; // and a message that cannot be sent throws, as encoding it would
    }

    // ---- encoding: one body per message type ----

    @Override
    public byte[] encode(NapMessage message) {
        if (message.type() == MessageType.INVALID) {
            throw new IllegalArgumentException("an Invalid frame is never sent");
        }
        if (message instanceof SearchResult r && r.encoded() != null) {
            // The fast path: the server answers a popular file thousands of times a second, so
            // everything after the search id was encoded once, when the file was shared.
            return frame(MessageType.SEARCH_RESULT, word(r.searchId()).getBytes(StandardCharsets.UTF_8), r.encoded().tail());
        }
        if (message instanceof Chunk c) {
            return frame(MessageType.CHUNK, ByteBuffer.allocate(CHUNK_HEADER).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(c.offset()).array(), c.data());
        }
        return frame(message.type(), text(message).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encodes the part of a search result that is the same for every search that finds this
     * file at this holder (everything after the search id), for {@link EncodedHit#forSearch}.
     */
    public static EncodedHit encodeHit(String file, String hash, long size, String nick, String ip, int linkType) {
        byte[] tail = hitText(file, hash, size, nick, ip, linkType).getBytes(StandardCharsets.UTF_8);
        return new EncodedHit(file, hash, size, nick, ip, linkType, tail);
    }

    /** The header (little-endian body length, then type) and the body, from its parts, in one array. */
    private static byte[] frame(MessageType type, byte[]... body) {
        int length = 0;
        for (byte[] part : body) {
            length += part.length;
        }
        if (length > type.maxBody()) {
            throw new IllegalArgumentException(type.label() + " of " + length + " bytes exceeds its limit of "
                    + type.maxBody() + " bytes; use a shorter name");
        }
        byte[] frame = new byte[HEADER_BYTES + length];
        frame[0] = (byte) length;
        frame[1] = (byte) (length >>> 8);
        frame[2] = (byte) type.code();
        frame[3] = (byte) (type.code() >>> 8);
        int at = HEADER_BYTES;
        for (byte[] part : body) {
            System.arraycopy(part, 0, frame, at, part.length);
            at += part.length;
        }
        return frame;
    }

    /** The body of every text message, in the layouts of the table above. */
    private static String text(NapMessage message) {
        if (message instanceof LoginError m) {
            return m.text();
        } else if (message instanceof Login m) {
            return word(m.nick()) + " " + word(m.password()) + " " + m.port() + " " + quote(m.client()) + " " + m.linkType();
        } else if (message instanceof LoginAck m) {
            return word(m.email());
        } else if (message instanceof Share m) {
            return quote(m.file()) + " " + word(m.hash()) + " " + m.size() + " 0 0 0";
        } else if (message instanceof Unshare m) {
            return quote(m.file());
        } else if (message instanceof Search m) {
            return word(m.searchId()) + " FILENAME CONTAINS " + quote(m.text()) + " MAX_RESULTS " + m.maxResults();
        } else if (message instanceof SearchResult m) {
            return word(m.searchId()) + hitText(m.file(), m.hash(), m.size(), m.nick(), m.ip(), m.linkType());
        } else if (message instanceof SearchEnd m) {
            return word(m.searchId());
        } else if (message instanceof DownloadRequest m) {
            return word(m.nick()) + " " + quote(m.file());
        } else if (message instanceof DownloadAck m) {
            return word(m.nick()) + " " + word(m.ip()) + " " + m.port() + " " + quote(m.file()) + " " + word(m.hash()) + " " + m.linkType();
        } else if (message instanceof GetError m) {
            return word(m.nick()) + " " + quote(m.file());
        } else if (message instanceof Browse m) {
            return word(m.nick());
        } else if (message instanceof BrowseResult m) {
            return word(m.nick()) + " " + quote(m.file()) + " " + word(m.hash()) + " " + m.size() + " 0 0 0";
        } else if (message instanceof BrowseEnd m) {
            return word(m.nick());
        } else if (message instanceof ErrorMessage m) {
            return m.text();
        } else if (message instanceof Ping) {
            return "";
        } else if (message instanceof Get m) {
            return word(m.nick()) + " " + quote(m.file()) + " " + m.offset();
        } else if (message instanceof GetAck m) {
            return Long.toString(m.size());
        } else if (message instanceof ChunkAck m) {
            return Long.toString(m.received());
        }
        throw new IllegalArgumentException("not a text message: " + message.type());
    }

    /** A search result after its search id; the one place its layout is written. */
    private static String hitText(String file, String hash, long size, String nick, String ip, int linkType) {
        return " " + quote(file) + " " + word(hash) + " " + size + " 0 0 0 " + word(nick) + " " + word(ip) + " " + linkType;
    }

    private static String word(String s) {
        if (s == null || s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('"') >= 0) {
            throw new IllegalArgumentException("'" + s + "' must be one word without spaces or quotes");
        }
        return s;
    }

    private static String quote(String s) {
        if (s == null || s.indexOf('"') >= 0) {
            throw new IllegalArgumentException("names may not contain double quotes: " + s);
        }
        return '"' + s + '"';
    }

    // ---- decoding ----

    @Override
    public FrameDecoder<NapMessage> newDecoder() {
        return NapsterCodec::decodeFrame;
    }

    /** Decodes one frame from the front of {@code in}, or returns null until it is complete. */
    public static NapMessage decodeFrame(ByteBuffer in) {
        if (in.remaining() < HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        int length = header.getShort(start) & 0xffff;
        int code = header.getShort(start + 2) & 0xffff;
        if (in.remaining() < HEADER_BYTES + length) {
            return null;
        }
        ByteBuffer body = in.slice(start + HEADER_BYTES, length).order(ByteOrder.LITTLE_ENDIAN);
        in.position(start + HEADER_BYTES + length);
        MessageType type = MessageType.ofCode(code);
        if (type == null) {
            return new Invalid(code, "unknown message type " + code, false);
        }
        if (length > type.maxBody()) {
            return new Invalid(code, type.label() + " frame of " + length + " bytes exceeds its limit of "
                    + type.maxBody() + " bytes", true);
        }
        try {
            return decodeBody(type, body);
        } catch (MalformedFrameException e) {
            return new Invalid(code, "malformed " + type.label() + " (" + code + "): " + e.getMessage(), false);
        }
    }

    private static NapMessage decodeBody(MessageType type, ByteBuffer body) throws MalformedFrameException {
        if (type == MessageType.CHUNK) {
            if (body.remaining() < CHUNK_HEADER) {
                throw new MalformedFrameException("a chunk needs an 8-byte offset, got " + body.remaining() + " bytes");
            }
            long offset = body.getLong();
            if (offset < 0) {
                throw new MalformedFrameException("negative offset " + offset);
            }
            byte[] data = new byte[body.remaining()];
            body.get(data);
            return new Chunk(offset, data);
        }
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        Fields f = new Fields(new String(bytes, StandardCharsets.UTF_8));
        NapMessage m = switch (type) {
            case LOGIN_ERROR -> new LoginError(f.rest());
            case LOGIN -> new Login(f.word(), f.word(), f.port(), f.quoted(), f.integer());
            case LOGIN_ACK -> new LoginAck(f.word());
            case SHARE -> {
                Share s = new Share(f.quoted(), f.hash(), f.size());
                f.integer();
                f.integer();
                f.integer();
                yield s;
            }
            case UNSHARE -> new Unshare(f.quoted());
            case SEARCH -> {
                String id = f.word();
                f.literal("FILENAME");
                f.literal("CONTAINS");
                String text = f.quoted();
                f.literal("MAX_RESULTS");
                int max = f.integer();
                if (max < 0) {
                    throw new MalformedFrameException("MAX_RESULTS must be >= 0, got " + max);
                }
                yield new Search(id, text, max);
            }
            case SEARCH_RESULT -> {
                String id = f.word();
                String file = f.quoted();
                String hash = f.hash();
                long size = f.size();
                f.integer();
                f.integer();
                f.integer();
                yield new SearchResult(id, file, hash, size, f.word(), f.word(), f.integer());
            }
            case SEARCH_END -> new SearchEnd(f.word());
            case DOWNLOAD_REQUEST -> new DownloadRequest(f.word(), f.quoted());
            case DOWNLOAD_ACK -> new DownloadAck(f.word(), f.word(), f.port(), f.quoted(), f.hash(), f.integer());
            case GET_ERROR -> new GetError(f.word(), f.quoted());
            case BROWSE -> new Browse(f.word());
            case BROWSE_RESULT -> {
                BrowseResult r = new BrowseResult(f.word(), f.quoted(), f.hash(), f.size());
                f.integer();
                f.integer();
                f.integer();
                yield r;
            }
            case BROWSE_END -> new BrowseEnd(f.word());
            case ERROR_MESSAGE -> new ErrorMessage(f.rest());
            case PING -> new Ping();
            case GET -> new Get(f.word(), f.quoted(), f.size());
            case GET_ACK -> new GetAck(f.size());
            case CHUNK_ACK -> new ChunkAck(f.size());
            case CHUNK, INVALID -> throw new MalformedFrameException("unexpected type " + type);
        };
        f.end();
        return m;
    }

    /** Reads the space-separated fields of a text body, left to right. */
    private static final class Fields {
        private final String s;
        private int pos;

        Fields(String s) {
            this.s = s;
        }

        String word() throws MalformedFrameException {
            if (pos > 0) {
                expectSpace();
            }
            int end = s.indexOf(' ', pos);
            if (end < 0) {
                end = s.length();
            }
            if (end == pos) {
                throw new MalformedFrameException("missing field at position " + pos);
            }
            String w = s.substring(pos, end);
            if (w.indexOf('"') >= 0) {
                throw new MalformedFrameException("unexpected quote in '" + w + "'");
            }
            pos = end;
            return w;
        }

        String quoted() throws MalformedFrameException {
            if (pos > 0) {
                expectSpace();
            }
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw new MalformedFrameException("expected a quoted name at position " + pos);
            }
            int close = s.indexOf('"', pos + 1);
            if (close < 0) {
                throw new MalformedFrameException("unterminated quoted name");
            }
            String q = s.substring(pos + 1, close);
            pos = close + 1;
            return q;
        }

        void literal(String expected) throws MalformedFrameException {
            String w = word();
            if (!w.equals(expected)) {
                throw new MalformedFrameException("expected " + expected + ", got '" + w + "'");
            }
        }

        int integer() throws MalformedFrameException {
            String w = word();
            try {
                return Integer.parseInt(w);
            } catch (NumberFormatException e) {
                throw new MalformedFrameException("'" + w + "' is not a number");
            }
        }

        int port() throws MalformedFrameException {
            int p = integer();
            if (p < 0 || p > 65535) {
                throw new MalformedFrameException("port " + p + " is not in 0..65535");
            }
            return p;
        }

        long size() throws MalformedFrameException {
            String w = word();
            try {
                long v = Long.parseLong(w);
                if (v < 0) {
                    throw new MalformedFrameException("negative number " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new MalformedFrameException("'" + w + "' is not a number");
            }
        }

        String hash() throws MalformedFrameException {
            String w = word();
            if (!ContentId.isSha256Hex(w)) {
                throw new MalformedFrameException("'" + w + "' is not a SHA-256 in hex");
            }
            return w;
        }

        /** Everything left, for free-text messages. */
        String rest() {
            String r = s.substring(pos);
            pos = s.length();
            return r;
        }

        void end() throws MalformedFrameException {
            if (pos != s.length()) {
                throw new MalformedFrameException("unexpected trailing text '" + s.substring(pos) + "'");
            }
        }

        private void expectSpace() throws MalformedFrameException {
            if (pos >= s.length() || s.charAt(pos) != ' ') {
                throw new MalformedFrameException("missing field at position " + pos);
            }
            pos++;
        }
    }
}
