package p2plab.gnutella.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.MalformedFrameException;

/**
 * The text frames that open a connection: a start line and {@code Name: value} headers, each
 * line ended by CRLF, the head ended by an empty line (the layout of the 0.6 handshake and of
 * HTTP). Pure helpers for {@link GnutellaCodec} and {@link GnutellaDecoder}.
 */
final class TextFrames {
    /** Longest head accepted, so that a peer cannot make us buffer forever. */
    static final int MAX_HEAD_BYTES = 4096;

    private TextFrames() {
    }

    static byte[] head(String startLine, Map<String, String> headers) {
        StringBuilder s = new StringBuilder(startLine).append("\r\n");
        headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        return s.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Bytes of the head at the front of {@code in}, blank line included; -1 when it is not
     * complete yet.
     */
    static int headLength(ByteBuffer in) throws MalformedFrameException {
        int start = in.position();
        int limit = Math.min(in.limit(), start + MAX_HEAD_BYTES);
        for (int i = start; i + 3 < limit; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i + 4 - start;
            }
        }
        if (in.remaining() >= MAX_HEAD_BYTES) {
            throw new MalformedFrameException("a handshake or HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
        }
        return -1;
    }

    /** True when the bytes so far could still begin with {@code prefix}. */
    static boolean mayStartWith(ByteBuffer in, String prefix) {
        int n = Math.min(in.remaining(), prefix.length());
        for (int i = 0; i < n; i++) {
            if (in.get(in.position() + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Start line and headers of a head of {@code length} bytes; moves the position past it. */
    static Head read(ByteBuffer in, int length) throws MalformedFrameException {
        byte[] bytes = new byte[length - 4];
        in.get(bytes);
        in.position(in.position() + 4);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n", -1);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new MalformedFrameException("header line without a name: '" + lines[i] + "'");
            }
            headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        return new Head(lines[0], headers);
    }

    /** A parsed head. */
    record Head(String startLine, Map<String, String> headers) {
        String header(String name) {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        List<String> words() {
            return new ArrayList<>(List.of(startLine.split(" ")));
        }
    }
}
