package p2plab.common.transport.sim;

import java.nio.ByteBuffer;
import java.util.List;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.WireFormat;

/**
 * Blobs on the wire: {@code <seq u32><size u32><size - 8 zero bytes>}, so a blob's wire size
 * is exactly its {@code size}. A blob with a negative seq encodes as garbage, to test how the
 * simulator's wire check treats malformed frames.
 */
final class BlobFormat implements WireFormat<Blob> {

    @Override
    public String overlay() {
        return "blob";
    }

    @Override
    public List<String> messageTypes() {
        return List.of("Blob");
    }

    @Override
    public int typeOf(Blob message) {
        return 0;
    }

    @Override
    public int sizeOf(Blob message) {
        return message.size();
    }

    @Override
    public byte[] encode(Blob m) {
        byte[] out = new byte[m.size()];
        ByteBuffer.wrap(out).putInt(m.seq()).putInt(m.seq() < 0 ? -1 : m.size());
        return out;
    }

    @Override
    public FrameDecoder<Blob> newDecoder() {
        return in -> {
            if (in.remaining() < 8) {
                return null;
            }
            int seq = in.getInt(in.position());
            int size = in.getInt(in.position() + 4);
            if (size < 8) {
                throw new MalformedFrameException("blob size " + size + " is below its 8-byte header");
            }
            if (in.remaining() < size) {
                return null;
            }
            in.position(in.position() + size);
            return new Blob(seq, size);
        };
    }
}
