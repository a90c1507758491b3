package p2plab.kademlia.interop;

import p2plab.common.testing.MissingProgram;
import p2plab.common.testing.ProcessLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A libtorrent DHT node in a Python process on 127.0.0.1 (Debian's python3-libtorrent), driven
 * by the line commands of {@code libtorrent_dht.py}. Missing libtorrent skips the test, except
 * under {@code CI=true}, where it fails it.
 */
final class LibtorrentDht implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final Writer in;
    private final ProcessLines output;

    private LibtorrentDht(Process process) {
        this.process = process;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.output = new ProcessLines(process, "libtorrent");
    }

    static void requireLibtorrent() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON));
        if (present) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
            present = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        if (!present) {
            MissingProgram.skipOrFail("the libtorrent Python module is not installed", "python3-libtorrent");
        }
    }

    /** Starts a node listening on {@code port} that bootstraps from {@code bootstrap} (host:port). */
    static LibtorrentDht start(int port, String bootstrap, Path dir) throws Exception {
        Path script = dir.resolve("libtorrent_dht.py");
        try (InputStream s = LibtorrentDht.class.getResourceAsStream("/p2plab/kademlia/interop/libtorrent_dht.py")) {
            Files.copy(s, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port), bootstrap)
                .redirectErrorStream(true).start();
        LibtorrentDht dht = new LibtorrentDht(p);
        dht.output.expect(30, "ready");
        return dht;
    }

    /** Sends one command and returns the first answer line that starts with {@code answer}. */
    String ask(String command, String answer, int seconds) throws Exception {
        in.write(command + "\n");
        in.flush();
        return output.expect(seconds, answer);
    }

    String log() {
        return output.log();
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
