package p2plab.bittorrent.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import p2plab.common.content.Digests;

/**
 * Starting and checking real BitTorrent software on 127.0.0.1 (flags from docs/interop.md: no DHT, LPD,
 * UPnP or uTP). A missing tool fails the test: CI installs them, so absence is a broken setup.
 */
final class Interop {
    static final String PYTHON = "/usr/bin/python3";

    private Interop() {
    }

    static void require(String... tools) {
        for (String t : tools) {
            boolean found = t.startsWith("/") ? Files.isExecutable(Path.of(t))
                    : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                    .anyMatch(d -> Files.isExecutable(Path.of(d, t)));
            if (!found) {
                fail(t + " is not installed; install the interop tools: apt-get install -y aria2 opentracker mktorrent python3-libtorrent");
            }
        }
    }

    static void requireLibtorrent() throws Exception {
        require(PYTHON);
        Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("python3-libtorrent is missing for " + PYTHON + "; apt-get install -y python3-libtorrent");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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

    /** A libtorrent leecher: downloads {@code torrent} into {@code out}, prints "done" and exits. */
    static List<String> libtorrentLeech(Path torrent, Path out, int port) {
        String script = String.join("\n",
                "import libtorrent as lt, sys, time",
                "s = lt.session({'listen_interfaces': '127.0.0.1:" + port + "', 'outgoing_interfaces': '127.0.0.1',",
                "  'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,",
                "  'enable_ip_notifier': False, 'dht_bootstrap_nodes': '', 'allow_multiple_connections_per_ip': True,",
                "  'enable_outgoing_utp': False, 'enable_incoming_utp': False})",
                "p = lt.add_torrent_params()",
                "p.ti = lt.torrent_info(sys.argv[1])",
                "p.save_path = sys.argv[2]",
                "p.flags &= ~lt.torrent_flags.paused",
                "p.flags &= ~lt.torrent_flags.auto_managed",
                "h = s.add_torrent(p)",
                "deadline = time.time() + 60",
                "while time.time() < deadline:",
                "    st = h.status()",
                "    if st.is_seeding:",
                "        print('done'); sys.stdout.flush(); time.sleep(1); sys.exit(0)",
                "    time.sleep(0.2)",
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
