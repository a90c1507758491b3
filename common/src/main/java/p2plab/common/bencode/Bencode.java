package p2plab.common.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict bencode (BEP 3), both ways. Values are {@link Long} (integers), {@code byte[]} (strings),
 * {@link List} and {@link Map} with {@link String} keys. Keys are held as ISO-8859-1 strings so
 * that each char is one raw byte and {@link TreeMap}'s order is the byte order bencode requires.
 *
 * <pre>
 *   i42e           integer 42 (no leading zeros, no -0)
 *   4:spam         string of exactly 4 bytes
 *   l4:spami3ee    list ["spam", 3]
 *   d3:cow3:mooe   dictionary {cow: moo}, keys sorted by raw bytes, no duplicates
 * </pre>
 *
 * The decoder is strict: whatever it accepts, {@link #encode} writes back byte for byte, which is
 * what makes a re-encoded info dictionary hash to the same info hash.
 */
public final class Bencode {
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    /**
     * Values (integers, strings, lists, dictionaries) one decode makes at most. A value costs up to
     * about 50 bytes of heap for 2 bytes of input ({@code de}, an empty dictionary), so within
     * {@link #DEFAULT_MAX_BYTES} the bytes alone would allow 8 million maps; a .torrent of 100,000
     * files has about 500,000 values.
     */
    public static final int MAX_VALUES = 1_000_000;

    private Bencode() {
    }

    // ---- encoding ----

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out, 0);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out, int depth) {
        if (depth > DEFAULT_MAX_DEPTH) {
            throw new BencodeException("value nested deeper than " + DEFAULT_MAX_DEPTH + " levels");
        }
        if (value instanceof byte[] b) {
            writeString(b, out);
        } else if (value instanceof String s) {
            writeString(s.getBytes(StandardCharsets.UTF_8), out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeBytes(("i" + ((Number) value).longValue() + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List<?> list) {
            out.write('l');
            for (Object item : list) {
                write(item, out, depth + 1);
            }
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new BencodeException("dictionary keys must be strings, got " + e.getKey());
                }
                sorted.put(k, e.getValue());
            }
            out.write('d');
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                writeString(key(e.getKey()), out);
                write(e.getValue(), out, depth + 1);
            }
            out.write('e');
        } else {
            throw new BencodeException("cannot bencode " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static void writeString(byte[] b, ByteArrayOutputStream out) {
        out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
    }

    /** A dictionary key's raw bytes. */
    public static byte[] key(String key) {
        return key.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- decoding ----

    /** Decodes exactly one value filling all of {@code data}, with the default limits. */
    public static Object decode(byte[] data) {
        return new Decoder(data, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).whole();
    }

    public static Object decode(byte[] data, int maxBytes, int maxDepth) {
        return new Decoder(data, maxBytes, maxDepth).whole();
    }

    /**
     * Decodes the one value at the start of {@code data} and says where it ends; the bytes after
     * it are the caller's (a BEP 9 data message carries raw bytes after its dictionary).
     */
    public static Prefix decodePrefix(byte[] data, int maxDepth) {
        Decoder d = new Decoder(data, DEFAULT_MAX_BYTES, maxDepth);
        Object v = d.value(0);
        return new Prefix(v, d.pos);
    }

    /** A value decoded from the start of a buffer, and its length in bytes. */
    public record Prefix(Object value, int length) {
    }

    /**
     * The raw bytes of the value under {@code key} in the top-level dictionary of {@code data}, as
     * they appear in the file (the info hash is the SHA-1 of exactly these bytes); null if absent.
     */
    public static byte[] rawValue(byte[] data, String key) {
        Decoder d = new Decoder(data, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
        d.whole();
        int[] span = d.topSpans.get(key);
        return span == null ? null : Arrays.copyOfRange(data, span[0], span[1]);
    }

    /** One pass over one buffer; remembers where each top-level dictionary value starts and ends. */
    private static final class Decoder {
        private final byte[] data;
        private final int maxDepth;
        private int pos;
        private int values;
        private final Map<String, int[]> topSpans = new TreeMap<>();

        Decoder(byte[] data, int maxBytes, int maxDepth) {
            if (data.length > maxBytes) {
                throw new BencodeException("bencoded data of " + data.length + " bytes exceeds the limit of " + maxBytes);
            }
            this.data = data;
            this.maxDepth = maxDepth;
        }

        Object whole() {
            Object v = value(0);
            if (pos != data.length) {
                throw new BencodeException("trailing bytes after the value at offset " + pos);
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > maxDepth) {
                throw new BencodeException("nested deeper than " + maxDepth + " levels at offset " + pos);
            }
            if (++values > MAX_VALUES) {
                throw new BencodeException("more than " + MAX_VALUES + " values (at offset " + pos + ")");
            }
            int c = peek();
            if (c == 'i') {
                pos++;
                long v = integer('e');
                return v;
            }
            if (c == 'l') {
                pos++;
                List<Object> list = new ArrayList<>();
                while (peek() != 'e') {
                    list.add(value(depth + 1));
                }
                pos++;
                return Collections.unmodifiableList(list);
            }
            if (c == 'd') {
                pos++;
                TreeMap<String, Object> map = new TreeMap<>();
                String previous = null;
                while (peek() != 'e') {
                    int keyAt = pos;
                    if (peek() < '0' || peek() > '9') {
                        throw new BencodeException("dictionary key at offset " + keyAt + " is not a string");
                    }
                    String k = new String(string(), StandardCharsets.ISO_8859_1);
                    if (previous != null && previous.compareTo(k) >= 0) {
                        throw new BencodeException(previous.equals(k)
                                ? "duplicate dictionary key '" + k + "' at offset " + keyAt
                                : "dictionary key '" + k + "' at offset " + keyAt + " is out of order (keys must be sorted)");
                    }
                    previous = k;
                    int start = pos;
                    map.put(k, value(depth + 1));
                    if (depth == 0) {
                        topSpans.put(k, new int[] {start, pos});
                    }
                }
                pos++;
                return Collections.unmodifiableMap(map);
            }
            if (c >= '0' && c <= '9') {
                return string();
            }
            throw new BencodeException("unexpected byte " + shown(c) + " at offset " + pos);
        }

        private byte[] string() {
            long length = integer(':');
            if (length > data.length - pos) {
                throw new BencodeException("string of " + length + " bytes at offset " + pos + " runs past the end");
            }
            byte[] s = Arrays.copyOfRange(data, pos, pos + (int) length);
            pos += (int) length;
            return s;
        }

        /** Digits up to {@code end}: no leading zeros, no -0, no empty number, fits a long. */
        private long integer(char end) {
            int start = pos;
            boolean negative = false;
            if (peek() == '-') {
                if (end == ':') {
                    throw new BencodeException("negative string length at offset " + start);
                }
                negative = true;
                pos++;
            }
            int digitsFrom = pos;
            // counted below zero, as Long.parseLong does, so that Long.MIN_VALUE (which encode writes) fits
            long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
            long v = 0;
            while (peek() != end) {
                int c = data[pos];
                if (c < '0' || c > '9') {
                    throw new BencodeException("bad digit " + shown(c) + " in number at offset " + pos);
                }
                if (v < limit / 10 || v * 10 < limit + (c - '0')) {
                    throw new BencodeException("number at offset " + start + " does not fit in 64 bits");
                }
                v = v * 10 - (c - '0');
                pos++;
            }
            int digits = pos - digitsFrom;
            pos++;
            if (digits == 0) {
                throw new BencodeException("empty number at offset " + start);
            }
            if (digits > 1 && data[digitsFrom] == '0') {
                throw new BencodeException("leading zero in number at offset " + start);
            }
            if (negative && v == 0) {
                throw new BencodeException("-0 is not allowed (offset " + start + ")");
            }
            return negative ? v : -v;
        }

        /**
         * A byte for an error message: printable ASCII in quotes and hex ('x', 0x78), anything
         * else in hex only (0x00), since a control byte or a lone UTF-8 byte would print as nothing.
         */
        private static String shown(int c) {
            int b = c & 0xff;
            String hex = String.format("0x%02x", b);
            return b >= 0x21 && b < 0x7f ? "'" + (char) b + "' (" + hex + ")" : hex;
        }

        private int peek() {
            if (pos >= data.length) {
                throw new BencodeException("data ends early at offset " + pos);
            }
            return data[pos] & 0xff;
        }
    }

    // ---- typed access, for readers of decoded dictionaries ----

    public static Map<String, Object> dict(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) m;
            return d;
        }
        throw new BencodeException(what + " must be a dictionary");
    }

    public static List<Object> list(Object v, String what) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        throw new BencodeException(what + " must be a list");
    }

    public static long integer(Object v, String what) {
        if (v instanceof Long l) {
            return l;
        }
        throw new BencodeException(what + " must be an integer");
    }

    public static byte[] bytes(Object v, String what) {
        if (v instanceof byte[] b) {
            return b;
        }
        throw new BencodeException(what + " must be a string");
    }

    public static String text(Object v, String what) {
        return new String(bytes(v, what), StandardCharsets.UTF_8);
    }
}
