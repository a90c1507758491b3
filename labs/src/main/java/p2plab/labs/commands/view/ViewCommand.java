package p2plab.labs.commands.view;

import java.awt.Desktop;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import p2plab.labs.console.FileErrors;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.view.ViewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code view}: the live view in a browser. In the shell it serves the page and gives the prompt
 * back (the server lives until the session ends); as a one-shot command it serves until Ctrl-C.
 */
@Command(name = "view", description = "Show the current network live in a browser: the graph, searches spreading, kills, the swarm.")
public final class ViewCommand implements Callable<Integer> {
    static final String LOOPBACK = "127.0.0.1";
    /** Largest recording replayed: it is held in memory while it is served. */
    static final long MAX_REPLAY_BYTES = 256L << 20;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port to serve on (default: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = LOOPBACK,
            description = "Address to serve on (default 127.0.0.1; another one shows the page to other machines).")
    String bind;

    @Option(names = "--record", paramLabel = "FILE", description = "Also write every event to FILE, one JSON object a line.")
    Path record;

    @Option(names = "--replay", paramLabel = "FILE", description = "Play a recording instead of the current network.")
    Path replay;

    @Option(names = "--no-open", description = "Do not open a browser; just print the address.")
    boolean noOpen;

    private final Lab lab;
    /** The session's view: one at a time, since a transport has one listener slot. */
    private ViewServer running;

    public ViewCommand(Lab lab) {
        this.lab = lab;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new LabException("--port must be between 0 and 65535 (0 = any free port), got " + port);
        }
        if (record != null && replay != null) {
            throw new LabException("give --record or --replay, not both");
        }
        checkBind();
        if (running != null) {
            lab.console().println("stopped the previous view at " + running.url());
            running.close();
            running = null;
        }
        ViewServer server = replay != null ? ViewServer.replay(bind, port, readRecording())
                : ViewServer.live(bind, port, this::followed, openRecording());
        // The page's speed control paces a simulated network as `network speed` does; over TCP it only animates.
        server.onSpeed(factor -> lab.currentIfAny().filter(LabNetwork::simulated).ifPresent(n -> n.speed(factor)));
        lab.closeWithSession(server);
        running = server;
        String url = server.url();
        if (!LOOPBACK.equals(bind)) {
            lab.console().error("warning: the view is served on " + bind + ": anyone who can reach that address can watch");
        }
        lab.console().println("live view: " + url + (replay != null ? " (replaying " + replay + ")" : "")
                + (record != null ? " (recording to " + record + ")" : ""));
        if (!noOpen) {
            openBrowser(url);
        }
        if (!lab.interactive()) {
            lab.console().println("serving until Ctrl-C");
            Thread.currentThread().join(); // one-shot: the process is the server
        }
        return 0;
    }

    private ViewServer.Followed followed() {
        return lab.currentIfAny().map(n -> new ViewServer.Followed(n.name(), n.network())).orElse(null);
    }

    /** An IP address literal only: no name lookups, so a typo cannot stall the shell on DNS. */
    private void checkBind() {
        try {
            if (!bind.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                throw new UnknownHostException(bind);
            }
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new LabException("--bind: unknown address '" + bind + "'; give an IP address such as 127.0.0.1");
        }
    }

    private List<String> readRecording() {
        try {
            if (Files.exists(replay) && !Files.isRegularFile(replay)) {
                throw new LabException("--replay: " + replay + " is not a file; give a file that `view --record FILE` wrote");
            }
            long size = Files.size(replay);
            if (size > MAX_REPLAY_BYTES) {
                throw new LabException("--replay: " + replay + " is " + (size >> 20) + " MiB; a recording of at most "
                        + (MAX_REPLAY_BYTES >> 20) + " MiB can be replayed (record a shorter session)");
            }
            List<String> lines = Files.readAllLines(replay, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty() || !lines.get(0).startsWith("{")) {
                throw new LabException(replay + " is not a recording (one JSON object a line, from `view --record`)");
            }
            return lines;
        } catch (NoSuchFileException e) {
            throw new LabException("--replay: no such file " + replay + "; give a file that `view --record FILE` wrote");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LabException(replay + " is not a recording (one JSON object a line, from `view --record`)");
        } catch (IOException e) {
            throw new LabException("--replay: cannot read " + replay + " (" + FileErrors.why(e) + "); check the path and its permissions");
        }
    }

    private BufferedWriter openRecording() {
        if (record == null) {
            return null;
        }
        if (Files.isDirectory(record)) {
            throw new LabException("--record: " + record + " is a folder; give a file name, e.g. " + record.resolve("view.jsonl"));
        }
        try {
            return Files.newBufferedWriter(record, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LabException("--record: cannot write " + record + ": its folder does not exist; create it or give another file");
        } catch (IOException e) {
            throw new LabException("--record: cannot write " + record + " (" + FileErrors.why(e) + "); check the folder exists and is writable");
        }
    }

    /** Opens the page where there is a desktop; silently does nothing on a headless machine. */
    private void openBrowser(String url) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            } else if (System.getenv("DISPLAY") != null && Files.isExecutable(Path.of("/usr/bin/xdg-open"))) {
                new ProcessBuilder("/usr/bin/xdg-open", url).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            }
        } catch (IOException | RuntimeException e) {
            lab.console().println("(could not open a browser: open " + url + " yourself)");
        }
    }
}
