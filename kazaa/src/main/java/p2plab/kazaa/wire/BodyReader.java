package p2plab.kazaa.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;
import p2plab.common.transport.MalformedFrameException;

/**
 * Reads the field types of {@link KazaaFormat} from one frame's body. Every read checks that the
 * bytes are there, so a truncated frame is a {@link MalformedFrameException}, never an
 * out-of-bounds read; counts are checked against the bytes left before anything is allocated.
 */
final class BodyReader {
    private final ByteBuffer in;

    BodyReader(ByteBuffer in) {
        this.in = in;
    }

    int u8() throws MalformedFrameException {
        need(1, "a byte");
        return in.get() & 0xff;
    }

    boolean bool() throws MalformedFrameException {
        int v = u8();
        if (v > 1) {
            throw new MalformedFrameException("a flag must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    int u16() throws MalformedFrameException {
        need(2, "a u16");
        return in.getShort() & 0xffff;
    }

    int i32() throws MalformedFrameException {
        need(4, "an int");
        return in.getInt();
    }

    long i64() throws MalformedFrameException {
        need(8, "a long");
        return in.getLong();
    }

    byte[] bytes(int n) throws MalformedFrameException {
        need(n, n + " bytes");
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    String string() throws MalformedFrameException {
        int n = u16();
        need(n, "a string of " + n + " bytes");
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("a string is not valid UTF-8");
        }
    }

    Guid guid() throws MalformedFrameException {
        return new Guid(i64(), i64());
    }

    Address address() throws MalformedFrameException {
        String host = string();
        int port = u16();
        try {
            return new Address(host, port);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad address: " + e.getMessage());
        }
    }

    PeerRef peer() throws MalformedFrameException {
        int id = i32();
        Address a = address();
        try {
            return new PeerRef(id, a);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad peer: " + e.getMessage());
        }
    }

    /** A u16 count, then that many entries of at least {@code minEntryBytes} each. */
    int count(int minEntryBytes, String what) throws MalformedFrameException {
        int n = u16();
        if ((long) n * minEntryBytes > in.remaining()) {
            throw new MalformedFrameException(n + " " + what + " cannot fit in the " + in.remaining() + " bytes left");
        }
        return n;
    }

    List<PeerRef> peers() throws MalformedFrameException {
        int n = count(8, "peers");
        List<PeerRef> peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            peers.add(peer());
        }
        return peers;
    }

    SharedFile file() throws MalformedFrameException {
        String name = string();
        long size = i64();
        ContentId id = ContentId.of(bytes(32));
        try {
            return new SharedFile(name, size, id);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad file entry: " + e.getMessage());
        }
    }

    void end() throws MalformedFrameException {
        if (in.hasRemaining()) {
            throw new MalformedFrameException(in.remaining() + " unexpected bytes after the message");
        }
    }

    private void need(int n, String what) throws MalformedFrameException {
        if (n < 0 || in.remaining() < n) {
            throw new MalformedFrameException("truncated message: expected " + what + ", " + in.remaining() + " bytes left");
        }
    }
}
