package p2plab.napster.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import p2plab.common.content.GeneratedContent;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;

/**
 * One load-generating peer's connection to the index server: it logs in, shares its files and
 * runs searches, speaking OpenNap frames made by {@link NapsterCodec}. Searches on one connection
 * are answered in order, so the results in front belong to the oldest search still open.
 *
 * <p>Like an HTTP load generator reading responses, it cuts every frame by its header and checks
 * that each 201 starts with the search id it expects, but fully decodes only every
 * {@link #DECODE_EVERY}th result (and every other frame): decoding ~100 results per search into
 * objects would cost the client more CPU than the server spends sending them.
 */
final class ClientConnection {
    static final int DECODE_EVERY = 64;

    /** One search sent and not yet ended. */
    static final class Open {
        final String id;
        final byte[] idBytes;
        final long startNanos;
        int hits;

        Open(String id, long startNanos) {
            this.id = id;
            this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
            this.startNanos = startNanos;
        }
    }

    /** What the connection tells its load client. */
    interface Listener {
        void loggedIn(ClientConnection c);

        void searchEnded(ClientConnection c, Open search, long endNanos);
    }

    private final NapsterCodec codec = new NapsterCodec();
    final SocketChannel channel;
    final String nick;
    private final List<GeneratedContent> files;
    private final Listener listener;
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private ByteBuffer in = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer out = ByteBuffer.allocate(8 * 1024);
    private SelectionKey key;
    private boolean waitingToWrite;
    private int searchSeq;
    private long resultsSeen;
    boolean loggedIn;

    ClientConnection(SocketChannel channel, String nick, List<GeneratedContent> files, Listener listener) {
        this.channel = channel;
        this.nick = nick;
        this.files = files;
        this.listener = listener;
    }

    void register(SelectionKey k) {
        this.key = k;
    }

    int openSearches() {
        return open.size();
    }

    void login() throws IOException {
        send(codec.encode(new NapMessage.Login(nick, "x", 0, "p2plab-load", 0)));
    }

    void search(String keywords, int maxResults) throws IOException {
        String id = nick + "." + (++searchSeq);
        Open s = new Open(id, System.nanoTime());
        open.add(s);
        send(codec.encode(new NapMessage.Search(id, keywords, maxResults)));
    }

    /** Reads what arrived and handles every whole frame in it. */
    void onReadable() throws IOException {
        if (channel.read(in) < 0) {
            throw new IOException(nick + ": the server closed the connection");
        }
        in.flip();
        while (in.remaining() >= NapsterCodec.HEADER_BYTES) {
            int start = in.position();
            int length = in.getShort(start) & 0xffff;
            int type = in.getShort(start + 2) & 0xffff;
            int end = start + NapsterCodec.HEADER_BYTES + length;
            if (end > in.limit()) {
                break;
            }
            onFrame(type, start, length);
            in.position(end);
        }
        in.compact();
        if (in.position() == in.capacity()) { // a frame larger than the buffer: cannot happen with u16 lengths
            in = ByteBuffer.allocate(in.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN).put(in.flip());
        }
    }

    private void onFrame(int type, int start, int length) throws IOException {
        if (type == 201) {
            Open s = open.peek();
            if (s == null || !startsWithId(start + NapsterCodec.HEADER_BYTES, length, s.idBytes)) {
                throw new IllegalStateException(nick + ": a result for no open search: " + decode(start, length));
            }
            if (++resultsSeen % DECODE_EVERY == 0 && !(decode(start, length) instanceof NapMessage.SearchResult r
                    && r.searchId().equals(s.id))) {
                throw new IllegalStateException(nick + ": not a result of " + s.id + ": " + decode(start, length));
            }
            s.hits++;
            return;
        }
        NapMessage m = decode(start, length);
        if (m instanceof NapMessage.SearchEnd e) {
            Open s = open.poll();
            if (s == null || !s.id.equals(e.searchId())) {
                throw new IllegalStateException(nick + ": end of " + e.searchId() + " while " + (s == null ? "none" : s.id) + " was open");
            }
            listener.searchEnded(this, s, System.nanoTime());
        } else if (m instanceof NapMessage.LoginAck) {
            loggedIn = true;
            for (GeneratedContent f : files) {
                send(codec.encode(new NapMessage.Share(f.name(), f.id().hex(), f.size())));
            }
            listener.loggedIn(this);
        } else {
            throw new IllegalStateException(nick + ": unexpected " + m);
        }
    }

    private boolean startsWithId(int body, int length, byte[] id) {
        if (length <= id.length || in.get(body + id.length) != ' ') {
            return false;
        }
        for (int i = 0; i < id.length; i++) {
            if (in.get(body + i) != id[i]) {
                return false;
            }
        }
        return true;
    }

    private NapMessage decode(int start, int length) {
        ByteBuffer frame = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        frame.limit(start + NapsterCodec.HEADER_BYTES + length).position(start);
        return NapsterCodec.decodeFrame(frame);
    }

    // ---- writing: everything goes out at once if the socket takes it, else when it is writable ----

    private void send(byte[] frame) throws IOException {
        if (out.remaining() < frame.length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + frame.length));
            out = bigger.put(out.flip());
        }
        out.put(frame);
        onWritable();
    }

    void onWritable() throws IOException {
        out.flip();
        channel.write(out);
        out.compact();
        boolean pending = out.position() > 0;
        if (key != null && pending != waitingToWrite) {
            waitingToWrite = pending;
            key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }
}
