package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import p2plab.common.testing.MissingProgram;
import p2plab.common.testing.ProcessLines;

/**
 * A libtorrent peer (Debian's python3-libtorrent, run by {@code /usr/bin/python3}) that finds
 * others only through the DHT, driven by {@code libtorrent_dht_swarm.py}: a seed that announces a
 * .torrent, or a leecher that fetches a magnet link and reports when the metadata and the first
 * piece arrived. Missing libtorrent skips the test naming the package (fails under CI=true).
 */
public final class LibtorrentDhtPeer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "/p2plab/labs/commands/torrent/libtorrent_dht_swarm.py";

    private final Process process;
    private final ProcessLines output;

    private LibtorrentDhtPeer(Process process) {
        this.process = process;
        this.output = new ProcessLines(process, "libtorrent");
    }

    public static void requireLibtorrent() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON));
        if (present) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
            present = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        if (!present) {
            MissingProgram.skipOrFail("the libtorrent Python module is not installed for " + PYTHON, "python3-libtorrent");
        }
    }

    /** Seeds {@code torrent} (data under {@code dataDir}) and waits until its DHT announce got an answer. */
    public static LibtorrentDhtPeer seed(Path torrent, Path dataDir, String bootstrap, Path work) throws Exception {
        LibtorrentDhtPeer p = start(work, "seed", torrent.toString(), dataDir.toString(), bootstrap);
        String answer = p.output.expect(40, "announced", "not-announced");
        if (!answer.startsWith("announced ")) {
            fail("libtorrent's seed got no answer to its DHT announce; its output:\n" + p.log());
        }
        return p;
    }

    /** Fetches {@code magnet} into {@code out}; read its report with {@link #awaitDone}. */
    public static LibtorrentDhtPeer get(String magnet, Path out, String bootstrap, int seconds, Path work) throws Exception {
        return start(work, "get", magnet, out.toString(), bootstrap, Integer.toString(seconds));
    }

    private static LibtorrentDhtPeer start(Path work, String... args) throws IOException {
        Path script = work.resolve("libtorrent_dht_swarm.py");
        try (InputStream s = LibtorrentDhtPeer.class.getResourceAsStream(SCRIPT)) {
            Files.copy(s, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        cmd.addAll(List.of(args));
        return new LibtorrentDhtPeer(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /**
     * What a leecher reported: milliseconds from its session's start to the magnet being added,
     * the metadata, the first verified piece and the end; the peers that sent data.
     */
    public record Report(long addedMs, long metadataMs, long firstPieceMs, long doneMs, List<String> peers) {
    }

    /** Waits for the leecher to finish; fails with its output when it did not. */
    public Report awaitDone(int seconds) throws Exception {
        long added = -1;
        long metadata = -1;
        long first = -1;
        List<String> peers = new ArrayList<>();
        while (true) {
            String line = output.expect(seconds, "");
            String[] w = line.split(" ");
            switch (w[0]) {
                case "added" -> added = Long.parseLong(w[1]);
                case "metadata" -> metadata = Long.parseLong(w[1]);
                case "first_piece" -> first = Long.parseLong(w[1]);
                case "peer" -> peers.add(w[1]);
                case "done" -> {
                    return new Report(added, metadata, first, Long.parseLong(w[1]), peers);
                }
                case "timeout" -> fail("libtorrent did not finish the download: " + line + "\n" + log());
                default -> {
                    // anything else (a warning) is kept in the log only
                }
            }
        }
    }

    public String log() {
        return output.log();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
