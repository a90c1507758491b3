package p2plab.labs.commands.base;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import p2plab.common.metrics.Json;
import p2plab.common.transport.Transport;
import p2plab.labs.console.Console;
import p2plab.labs.console.FileErrors;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.session.Settle;

/** What every shell command shares: the session, its console, and waiting on the network. */
public abstract class LabCommand implements Callable<Integer> {
    /** Protocol time a search may take before the shell gives up on it. */
    protected static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(120);
    /** Protocol time a download may take. */
    protected static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(30);

    protected final Lab lab;

    protected LabCommand(Lab lab) {
        this.lab = lab;
    }

    protected Console console() {
        return lab.console();
    }

    protected void println(String line) {
        console().println(line);
    }

    protected void printJson(Object value) {
        console().println(Json.write(value));
    }

    @Override
    public final Integer call() throws Exception {
        run();
        return 0;
    }

    protected abstract void run() throws Exception;

    public static <T> T await(Transport transport, CompletionStage<T> stage, Duration timeout, String what) {
        try {
            return transport.await(stage, timeout);
        } catch (TimeoutException e) {
            throw new LabException(what + " did not finish within " + timeout.toSeconds()
                    + " s of protocol time (" + e.getMessage() + "); check `peer list` for dead peers and try again");
        }
    }

    /**
     * After a command started something asynchronous: lets protocol time pass until the network
     * has settled, or says what is still pending after {@link Settle#LIMIT}.
     */
    protected void settle(LabNetwork n) {
        java.util.List<String> left = Settle.settle(n.network(), Settle.LIMIT);
        if (!left.isEmpty()) {
            println(console().colour(Console.Colour.YELLOW, "still pending after " + Settle.LIMIT.toSeconds() + " s of protocol time: "
                    + String.join("; ", left.subList(0, Math.min(3, left.size())))
                    + (left.size() > 3 ? "; and " + (left.size() - 3) + " more" : "")
                    + "; `wait <duration>` lets more time pass"));
        }
    }

    /** Why a file operation failed, in words: "no such file or folder", "permission denied". */
    protected static String why(java.io.IOException e) {
        return FileErrors.why(e);
    }

    protected static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    protected static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
