package p2plab.common.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The output of an outside program a test drives line by line (a libtorrent script): read on a
 * daemon thread as it comes, kept whole for failure messages, and waited for by its first word.
 */
public final class ProcessLines {
    private final String name;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();

    /** Starts reading {@code process}'s standard output (merge its errors in with {@code redirectErrorStream}). */
    public ProcessLines(Process process, String name) {
        this.name = name;
        Thread reader = new Thread(() -> read(process), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process process) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * The next line that starts with one of {@code prefixes} (lines before it are passed over);
     * fails the test, with everything the program said, after {@code seconds}.
     */
    public String expect(int seconds, String... prefixes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                Assertions.fail(name + " said no '" + String.join("' or '", prefixes) + "' within " + seconds + " s; its output:\n" + log());
            }
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    return line;
                }
            }
        }
    }

    /** Everything the program printed so far. */
    public String log() {
        synchronized (log) {
            return log.toString();
        }
    }
}
