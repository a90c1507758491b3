package p2plab.kazaa.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import p2plab.common.transport.Address;

/** Writes the field types of {@link KazaaFormat}: big-endian integers, u16-prefixed UTF-8 strings. */
final class BodyWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    BodyWriter u8(int v) {
        out.write(v);
        return this;
    }

    BodyWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    BodyWriter u16(int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("value " + v + " does not fit 16 bits");
        }
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    BodyWriter i32(int v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(v >>> shift);
        }
        return this;
    }

    BodyWriter i64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    BodyWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    BodyWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u16(b.length).bytes(b);
    }

    BodyWriter guid(Guid g) {
        return i64(g.high()).i64(g.low());
    }

    BodyWriter address(Address a) {
        return string(a.host()).u16(a.port());
    }

    BodyWriter peer(PeerRef p) {
        return i32(p.id()).address(p.address());
    }

    BodyWriter peers(List<PeerRef> peers) {
        u16(peers.size());
        peers.forEach(this::peer);
        return this;
    }

    BodyWriter file(SharedFile f) {
        return string(f.name()).i64(f.size()).bytes(f.content().bytes());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
