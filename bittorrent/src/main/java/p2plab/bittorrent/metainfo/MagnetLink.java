package p2plab.bittorrent.metainfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import p2plab.common.transport.Address;

/**
 * A magnet link (BEP 9): the info hash of a torrent, and optionally its name, trackers and a few
 * peers; everything else (the info dictionary) comes from the peers themselves.
 *
 * <p>Usage:
 * <pre>{@code
 *   MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:c12f...&dn=file.iso&x.pe=127.0.0.1:6881");
 *   m.infoHash();                 // 20 bytes
 *   MagnetLink.of(metainfo).toString();   // the link of a .torrent, as `torrent magnet` prints it
 * }</pre>
 *
 * <pre>
 *   magnet:?xt=urn:btih:&lt;info hash: 40 hex digits or 32 base32 letters&gt;   required, once
 *          &amp;dn=&lt;display name&gt;                                        optional
 *          &amp;tr=&lt;tracker URL&gt;      (also tr.1, tr.2, ...)              any number
 *          &amp;x.pe=&lt;host:port&gt;     a peer to ask directly               any number
 *          &amp;xl=&lt;exact length in bytes&gt;                                optional
 * </pre>
 * Values are percent-encoded ({@code +} reads as a space). Parameters we do not use ({@code ws},
 * {@code so}, ...) are ignored; a malformed one we use is an {@link IllegalArgumentException}
 * that names it.
 *
 * @param infoHash    20 bytes
 * @param name        {@code dn}, or "" when absent
 * @param trackers    {@code tr} URLs in order
 * @param peers       {@code x.pe} addresses in order
 * @param exactLength {@code xl}, or -1 when absent
 */
public record MagnetLink(byte[] infoHash, String name, List<String> trackers, List<Address> peers, long exactLength) {
    /** A magnet link longer than this is refused (it is typed or pasted, never megabytes). */
    public static final int MAX_LENGTH = 64 * 1024;
    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public MagnetLink {
        if (infoHash == null || infoHash.length != 20) {
            throw new IllegalArgumentException("an info hash has 20 bytes");
        }
        infoHash = infoHash.clone();
        name = name == null ? "" : name;
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
    }

    /** The link of a torrent we have: its info hash, name, tracker (if any) and length. */
    public static MagnetLink of(Metainfo meta) {
        return new MagnetLink(meta.infoHash(), meta.name(), meta.announce() == null ? List.of() : List.of(meta.announce()),
                List.of(), meta.totalLength());
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    public String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /** The same link with these peers added as {@code x.pe}. */
    public MagnetLink withPeers(List<Address> more) {
        List<Address> all = new ArrayList<>(peers);
        all.addAll(more);
        return new MagnetLink(infoHash, name, trackers, all, exactLength);
    }

    /**
     * Reads a magnet link.
     *
     * @throws IllegalArgumentException saying what is wrong, when it is not a BitTorrent v1
     *         magnet link or a parameter we use is malformed
     */
    public static MagnetLink parse(String text) {
        if (text == null || !text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a magnet link: it must start with 'magnet:?xt=urn:btih:'");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("magnet link of " + text.length() + " characters is longer than the limit of "
                    + MAX_LENGTH);
        }
        byte[] hash = null;
        String name = "";
        long length = -1;
        List<String> trackers = new ArrayList<>();
        List<Address> peers = new ArrayList<>();
        for (String param : text.substring(PREFIX.length()).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("magnet link parameter '" + param + "' is not key=value");
            }
            String key = param.substring(0, eq);
            String value = decode(param.substring(eq + 1), key);
            switch (key) {
                case "xt" -> {
                    if (!value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                        throw new IllegalArgumentException("xt=" + value + " is not a BitTorrent v1 info hash; expected "
                                + "xt=urn:btih:<40 hex digits or 32 base32 letters>");
                    }
                    byte[] h = infoHash(value.substring(BTIH.length()));
                    if (hash != null && !java.util.Arrays.equals(hash, h)) {
                        throw new IllegalArgumentException("magnet link names two different info hashes; give one xt=urn:btih:");
                    }
                    hash = h;
                }
                case "dn" -> name = name.isEmpty() ? value : name;
                case "xl" -> length = exactLength(value);
                case "x.pe" -> peers.add(peer(value));
                default -> {
                    if (key.equals("tr") || key.startsWith("tr.")) {
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException("magnet link parameter " + key + " is empty; give a tracker URL");
                        }
                        trackers.add(value);
                    }
                    // ws, as, xs, so, kt ... are not used here, and BEP 9 lets a client ignore them
                }
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException("magnet link has no xt=urn:btih:<info hash>");
        }
        return new MagnetLink(hash, name, trackers, peers, length);
    }

    /** 40 hex digits or 32 base32 letters, either case. */
    static byte[] infoHash(String s) {
        if (s.length() == 40) {
            try {
                return HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("info hash '" + s + "' has a character that is not a hex digit");
            }
        }
        if (s.length() == 32) {
            byte[] out = new byte[20];
            long buffer = 0;
            int bits = 0;
            int n = 0;
            for (char ch : s.toUpperCase(Locale.ROOT).toCharArray()) {
                int v = BASE32.indexOf(ch);
                if (v < 0) {
                    throw new IllegalArgumentException("info hash '" + s + "' has a character that is not base32 (A-Z, 2-7)");
                }
                buffer = (buffer << 5) | v;
                bits += 5;
                if (bits >= 8) {
                    bits -= 8;
                    out[n++] = (byte) (buffer >>> bits);
                }
            }
            return out;
        }
        throw new IllegalArgumentException("info hash '" + s + "' has " + s.length()
                + " characters; expected 40 hex digits or 32 base32 letters");
    }

    private static long exactLength(String v) {
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("xl=" + v + " is not a length in bytes (a whole number >= 0)");
        }
    }

    private static Address peer(String v) {
        try {
            Address a = Address.parse(v);
            if (a.port() == 0) {
                throw new IllegalArgumentException("port 0");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("x.pe=" + v + " is not a peer address; expected host:port, e.g. 127.0.0.1:6881");
        }
    }

    /** Percent-decoding as UTF-8, {@code +} as a space. */
    private static String decode(String s, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("magnet link parameter " + key + " has a bad %-escape; "
                            + "% must be followed by two hex digits");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes all but unreserved characters and the {@code :/@} of URLs and addresses. */
    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** The link, hex info hash first, then dn, xl, every tr and every x.pe. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(PREFIX).append("xt=").append(BTIH).append(infoHashHex());
        if (!name.isEmpty()) {
            sb.append("&dn=").append(encode(name));
        }
        if (exactLength >= 0) {
            sb.append("&xl=").append(exactLength);
        }
        for (String t : trackers) {
            sb.append("&tr=").append(encode(t));
        }
        for (Address p : peers) {
            sb.append("&x.pe=").append(encode(p.toString()));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MagnetLink m && java.util.Arrays.equals(infoHash, m.infoHash) && name.equals(m.name)
                && trackers.equals(m.trackers) && peers.equals(m.peers) && exactLength == m.exactLength;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(infoHash) * 31 + name.hashCode();
    }
}
