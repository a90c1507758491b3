package p2plab.bittorrent.interop;

import p2plab.common.testing.MissingProgram;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.Urls;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.Digests;

/**
 * Starting and checking real BitTorrent software on 127.0.0.1 (flags from docs/interop.md: no
 * DHT, LPD, UPnP or uTP). A missing program skips the test with the Debian package to install,
 * except under {@code CI=true}, where the build installs them all and absence is a broken setup:
 * then the test fails.
 */
public final class Interop {
    static final String PYTHON = "/usr/bin/python3";

    private Interop() {
    }

    /** Debian package of each program the interop tests start. */
    private static final Map<String, String> PACKAGES = Map.of("aria2c", "aria2", "opentracker", "opentracker",
            "mktorrent", "mktorrent", "transmission-cli", "transmission-cli", PYTHON, "python3");

    static void require(String... tools) {
        for (String t : tools) {
            boolean found = t.startsWith("/") ? Files.isExecutable(Path.of(t))
                    : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                    .anyMatch(d -> Files.isExecutable(Path.of(d, t)));
            if (!found) {
                missing(t + " is not installed", PACKAGES.getOrDefault(t, t));
            }
        }
    }

    static void requireLibtorrent() throws Exception {
        require(PYTHON);
        Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            missing("the libtorrent module is missing for " + PYTHON, "python3-libtorrent");
        }
    }

    /** Skips (fails under CI=true) naming the Debian package to install. */
    private static void missing(String what, String debianPackage) {
        MissingProgram.skipOrFail(what, debianPackage);
    }

    /**
     * A range of ports for a program that takes one and tries the next while one is taken (aria2's
     * {@code --listen-port=A-B}), so no port we picked and released can be lost to a race.
     */
    static String portRange() {
        int start = 20000 + ThreadLocalRandom.current().nextInt(40000);
        return start + "-" + (start + 99);
    }

    /**
     * Starts a program that must listen on a port we choose, trying fresh ports until it does:
     * a port found free and released can be taken by someone else before the program binds it.
     *
     * @param command builds the command line for a port
     * @return the process, already accepting connections on {@code port[0]}
     */
    static Process startListening(java.util.function.IntFunction<List<String>> command, Path dir, String name, int[] port)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            int p = 20000 + ThreadLocalRandom.current().nextInt(40000);
            Process proc = start(command.apply(p), dir, name);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (proc.isAlive() && System.nanoTime() < deadline) {
                if (accepts(p)) {
                    port[0] = p;
                    return proc;
                }
                Thread.sleep(20);
            }
            stop(proc);
        }
        fail(name + " never listened; log:\n" + log(dir, name));
        return null;
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code condition} every 20 ms until it holds; fails with {@code what} after {@code seconds}. */
    static void await(String what, int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    /** Seeds a tracker's /scrape counts for one torrent (0 when it is unknown or unreachable). */
    static long seedsAt(int trackerPort, byte[] infoHash) {
        return scrape(trackerPort, infoHash, "complete");
    }

    /** Peers (seeds and leechers) the tracker of {@code torrent} lists for it. */
    static long peersAt(Path torrent) {
        Metainfo meta = Torrents.read(torrent);
        int port = Integer.parseInt(meta.announce().replaceFirst("^http://[^:]+:(\\d+)/.*$", "$1"));
        return scrape(port, meta.infoHash(), "complete") + scrape(port, meta.infoHash(), "incomplete");
    }

    private static long scrape(int trackerPort, byte[] infoHash, String field) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", trackerPort), 1000);
            s.setSoTimeout(2000);
            String get = "GET /scrape?info_hash=" + Urls.encode(infoHash) + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
            s.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
            byte[] reply = s.getInputStream().readAllBytes();
            int body = indexOf(reply, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Map<String, Object> files = Bencode.dict(Bencode.dict(Bencode.decode(Arrays.copyOfRange(reply, body + 4, reply.length)),
                    "scrape").get("files"), "files");
            Object entry = files.get(new String(infoHash, StandardCharsets.ISO_8859_1));
            return entry == null ? 0 : Bencode.integer(Bencode.dict(entry, "file").get(field), field);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A transmission-cli leecher kept on loopback (no DHT, LPD, PEX, uTP or port mapping; otherwise
     * its defaults). It runs until stopped; when the download completes it creates {@code done}.
     */
    static Process transmissionLeech(Path torrent, Path out, Path done, Path dir) throws IOException, InterruptedException {
        Path config = Files.createDirectories(dir.resolve("transmission-config"));
        Files.writeString(config.resolve("settings.json"), String.join("\n", "{",
                "  \"dht-enabled\": false, \"lpd-enabled\": false, \"pex-enabled\": false, \"utp-enabled\": false,",
                "  \"port-forwarding-enabled\": false, \"bind-address-ipv4\": \"127.0.0.1\", \"bind-address-ipv6\": \"::1\",",
                "  \"rename-partial-files\": false, \"incomplete-dir-enabled\": false",
                "}", ""));
        Path finish = dir.resolve("transmission-finished.sh");
        Files.writeString(finish, "#!/bin/sh\ntouch '" + done + "'\n");
        finish.toFile().setExecutable(true);
        int[] port = new int[1];
        return startListening(p -> List.of("transmission-cli", "-g", config.toString(), "-w", out.toString(), "-p",
                Integer.toString(p), "-M", "-f", finish.toString(), torrent.toString()), dir, "transmission", port);
    }

    private static int indexOf(byte[] a, byte[] b) {
        for (int i = 0; i + b.length <= a.length; i++) {
            if (Arrays.equals(a, i, i + b.length, b, 0, b.length)) {
                return i;
            }
        }
        return -1;
    }

    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(Digests.sha256(Files.readAllBytes(file)));
    }

    static List<String> aria2(String... extra) {
        List<String> cmd = new ArrayList<>(List.of("aria2c", "--interface=127.0.0.1", "--disable-ipv6=true",
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--file-allocation=none",
                "--allow-overwrite=true", "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true",
                "--console-log-level=warn", "--bt-tracker-connect-timeout=5", "--bt-tracker-timeout=5"));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /**
     * Python that opens a libtorrent session kept on loopback (listening on any free port; no DHT,
     * LPD, UPnP, NAT-PMP or uTP, else at its defaults) and adds the torrent {@code sys.argv[1]},
     * saving under {@code sys.argv[2]}, started: the handle is {@code h} once {@code s.add_torrent(p)} runs.
     */
    public static final String LIBTORRENT_SESSION = String.join("\n",
            "import libtorrent as lt, sys, time",
            "s = lt.session({'listen_interfaces': '127.0.0.1:0', 'outgoing_interfaces': '127.0.0.1',",
            "  'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,",
            "  'enable_ip_notifier': False, 'dht_bootstrap_nodes': '', 'allow_multiple_connections_per_ip': True,",
            "  'enable_outgoing_utp': False, 'enable_incoming_utp': False})",
            "p = lt.add_torrent_params()",
            "p.ti = lt.torrent_info(sys.argv[1])",
            "p.save_path = sys.argv[2]",
            "p.flags &= ~lt.torrent_flags.paused",
            "p.flags &= ~lt.torrent_flags.auto_managed");

    /**
     * A libtorrent leecher at its default settings but for those that keep it on loopback: downloads
     * {@code torrent} into {@code out} (listening on any free port), prints "done SECONDS" (from
     * adding the torrent to having every piece) and exits.
     */
    static List<String> libtorrentLeech(Path torrent, Path out) {
        String script = String.join("\n",
                LIBTORRENT_SESSION,
                "t0 = time.time()",
                "h = s.add_torrent(p)",
                "deadline = t0 + 170",
                "while time.time() < deadline:",
                "    st = h.status()",
                "    if st.is_seeding:",
                "        print('done %.3f' % (time.time() - t0)); sys.stdout.flush(); sys.exit(0)",
                "    time.sleep(0.05)",
                "print('timeout', h.status().progress); sys.exit(3)");
        return List.of(PYTHON, "-c", script, torrent.toString(), out.toString());
    }

    /** Starts a process whose output goes to a log file in {@code dir}. */
    static Process start(List<String> cmd, Path dir, String name) throws IOException {
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    static String log(Path dir, String name) {
        try {
            String s = Files.readString(dir.resolve(name + ".log"));
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Waits for a process to end by itself; fails with its log if it does not or exits non-zero. */
    static void awaitExit(Process p, Path dir, String name, int seconds) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish within " + seconds + " s; log:\n" + log(dir, name));
        }
        if (p.exitValue() != 0) {
            fail(name + " exited with " + p.exitValue() + "; log:\n" + log(dir, name));
        }
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
