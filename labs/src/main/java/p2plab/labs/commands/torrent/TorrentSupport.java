package p2plab.labs.commands.torrent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.labs.session.LabException;

/**
 * What the standalone BitTorrent commands share: reading a .torrent with a friendly error,
 * checking a tracker URL, and opening a real-TCP transport whose listening socket failures
 * become one line that says which port to pick instead.
 */
final class TorrentSupport {
    private TorrentSupport() {
    }

    /** Reads a .torrent, or says in one line why it cannot be used. */
    static Metainfo readTorrent(Path file) {
        if (!Files.exists(file)) {
            throw new LabException("no such .torrent: " + file + "; check the path (`torrent create` makes one)");
        }
        if (!Files.isRegularFile(file)) {
            throw new LabException(file + " is a folder, not a .torrent file; give the .torrent made by `torrent create`");
        }
        try {
            return Torrents.read(file);
        } catch (RuntimeException e) { // a broken file may fail in any way; it is still the user's file
            throw new LabException("cannot use " + file + " as a torrent: " + oneLine(e.getMessage())
                    + "; make a fresh one with `torrent create`");
        }
    }

    /** Checks an announce URL is http(s)://host:port/...; returns it unchanged. */
    static String checkTrackerUrl(String url) {
        String hint = "; expected an HTTP announce URL such as http://127.0.0.1:6969/announce (`tracker` prints one)";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new LabException("bad tracker URL '" + url + "'" + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new LabException("bad tracker URL '" + url + "': only http:// trackers are supported" + hint);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new LabException("bad tracker URL '" + url + "': it has no host" + hint);
        }
        return url;
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new LabException("--port must be between 0 and 65535 (0: any free port), got " + port);
        }
    }

    /**
     * A TCP transport on {@code bind}; every node gets fresh randomness (two processes must never
     * pick the same peer id). The caller closes it.
     */
    static TcpTransport transport(String bind, double timeScale) {
        p2plab.labs.session.Transports.checkTimeScale(timeScale);
        if (bind == null || bind.isBlank()) {
            throw new LabException("--bind needs an address such as 127.0.0.1");
        }
        return new TcpTransport(TcpOptions.defaults().withBindHost(bind.trim()).withTimeScale(timeScale)
                .withSeed(new SecureRandom().nextLong()));
    }

    /**
     * Runs {@code open} on a fresh transport; if a node cannot listen (port in use, address not
     * on this machine) the transport is closed and the user told which option to change.
     */
    static <T> T openOn(TcpTransport transport, String bind, int port, Function<TcpTransport, T> open) {
        try {
            return open.apply(transport);
        } catch (RuntimeException e) {
            transport.close();
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("cannot listen")) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("in use")) {
                    throw new LabException("port " + port + " on " + bind + " is in use (is another tracker or seed running?); "
                            + "pick another with --port, or --port 0 for any free one");
                }
                throw new LabException("cannot listen on " + bind + ":" + port + " (" + cause(m)
                        + "); check --bind (an address of this machine, e.g. 127.0.0.1) and --port");
            }
            throw e;
        }
    }

    private static String cause(String message) {
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        String why = open >= 0 && close > open ? message.substring(open + 1, close) : message;
        return why.equals("null") || why.isBlank() ? "not an address of this machine" : why;
    }

    /** Peer id prefixes of the clients a student meets, and their names. */
    private static final String[][] CLIENTS = {{"-PL", "p2plab"}, {"A2-", "aria2"}, {"-LT", "libtorrent"},
            {"-lt", "libtorrent"}, {"-TR", "Transmission"}, {"-qB", "qBittorrent"}, {"-DE", "Deluge"}};

    /**
     * A peer key (hex peer id) as people read it: its printable start and, when known, the client
     * it names, e.g. {@code A2-1-36-0- (aria2)}.
     */
    static String peerName(String key) {
        String printable = printablePrefix(key);
        for (String[] c : CLIENTS) {
            if (printable.startsWith(c[0])) {
                return printable + " (" + c[1] + ")";
            }
        }
        return printable;
    }

    private static String printablePrefix(String key) {
        try {
            byte[] id = HexFormat.of().parseHex(key);
            String text = new String(id, StandardCharsets.ISO_8859_1);
            StringBuilder sb = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c < 0x21 || c > 0x7e) {
                    break;
                }
                sb.append(c);
            }
            return sb.length() >= 6 ? sb.toString() : key.substring(0, Math.min(16, key.length()));
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : printable(s.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("[.;]$", ""));
    }

    /**
     * Text from a file (a torrent's name, paths, tracker URL) made safe to print: control
     * characters, which would run ANSI escape sequences or cut lines, are shown as {@code \xNN}.
     */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
