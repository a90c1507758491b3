package p2plab.bittorrent.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.bencode.Bencode;
import p2plab.common.bencode.BencodeException;

/**
 * The BEP 10 extended handshake: extension message 0, a bencoded dictionary sent once after the
 * handshake by peers that set the extension-protocol bit ({@link Reserved}).
 *
 * <pre>
 *   d1:md11:ut_metadatai3ee1:pi6881e4:reqqi2000e1:v13:p2plab 0.1e
 *   m     extension name -&gt; the id the sender wants to receive it under (0 = disabled)
 *   p     the sender's listening port          v     client name and version
 *   reqq  requests the sender queues per peer; more may be rejected
 *   metadata_size  bytes of the info dictionary, when the sender has it (BEP 9)
 * </pre>
 *
 * Every key is optional and unknown keys are ignored, as BEP 10 asks. A remote dictionary keeps
 * at most {@link #MAX_EXTENSIONS} names of at most {@link #MAX_NAME} characters, so a peer cannot
 * make us hold an unbounded map (a 128 KiB name would otherwise be kept per connection).
 *
 * @param extensions the {@code m} dictionary (names with id 0 are left out)
 * @param client     {@code v}, or "" when absent
 * @param port       {@code p}, or 0 when absent
 * @param reqq       {@code reqq}, or 0 when absent
 * @param metadataSize {@code metadata_size}, or 0 when absent (taken as sent: the reader enforces its limit)
 */
public record ExtensionHandshake(Map<String, Integer> extensions, String client, int port, int reqq, long metadataSize) {
    public static final int MAX_EXTENSIONS = 64;
    /** Longest extension name kept; a longer one is ignored (real names are like {@code ut_metadata}). */
    public static final int MAX_NAME = 64;
    /** Longest client name kept. */
    static final int MAX_CLIENT = 64;

    public ExtensionHandshake {
        extensions = Map.copyOf(extensions);
    }

    /** Without {@code metadata_size}. */
    public ExtensionHandshake(Map<String, Integer> extensions, String client, int port, int reqq) {
        this(extensions, client, port, reqq, 0);
    }

    /** The id the sender receives {@code name} under, or 0 when it does not speak it. */
    public int idOf(String name) {
        return extensions.getOrDefault(name, 0);
    }

    public byte[] encode() {
        Map<String, Object> d = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>();
        extensions.forEach((name, id) -> m.put(name, (long) id));
        d.put("m", m);
        if (metadataSize > 0) {
            d.put("metadata_size", metadataSize);
        }
        if (port > 0) {
            d.put("p", (long) port);
        }
        if (reqq > 0) {
            d.put("reqq", (long) reqq);
        }
        if (!client.isEmpty()) {
            d.put("v", client);
        }
        return Bencode.encode(d);
    }

    /**
     * Reads a peer's extended handshake.
     *
     * @throws IllegalArgumentException when it is not a bencoded dictionary
     */
    public static ExtensionHandshake decode(byte[] payload) {
        Map<String, Object> d;
        try {
            d = Bencode.dict(Bencode.decode(payload, payload.length, 8), "extended handshake");
        } catch (BencodeException e) {
            throw new IllegalArgumentException("bad extended handshake: " + e.getMessage(), e);
        }
        Map<String, Integer> ext = new LinkedHashMap<>();
        if (d.get("m") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (ext.size() == MAX_EXTENSIONS) {
                    break;
                }
                if (e.getValue() instanceof Long id && id > 0 && id <= 255 && ((String) e.getKey()).length() <= MAX_NAME) {
                    ext.put((String) e.getKey(), id.intValue());
                }
            }
        }
        String client = d.get("v") instanceof byte[] v ? new String(v, 0, Math.min(v.length, MAX_CLIENT), StandardCharsets.UTF_8) : "";
        return new ExtensionHandshake(ext, client, (int) number(d.get("p"), 65535), (int) number(d.get("reqq"), Integer.MAX_VALUE),
                number(d.get("metadata_size"), Long.MAX_VALUE));
    }

    /** An integer within 1..max, else 0 (absent or nonsense counts as not said). */
    private static long number(Object v, long max) {
        return v instanceof Long n && n > 0 && n <= max ? n : 0;
    }
}
