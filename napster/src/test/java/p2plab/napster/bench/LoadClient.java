package p2plab.napster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * One load-generator thread: a selector over its share of the peer connections, keeping
 * {@code inFlight} searches open at all times (a closed loop, like wrk's connections). When a
 * search ends, the next one starts from a random logged-in peer of this thread.
 *
 * <p>Only searches that end inside the measuring window [{@code windowStart}, {@code windowEnd})
 * count; the ones before it are the warm-up.
 */
final class LoadClient implements Runnable, ClientConnection.Listener {
    private final Selector selector;
    private final List<ClientConnection> connections = new ArrayList<>();
    private final List<ClientConnection> ready = new ArrayList<>();
    private final List<String> queries;
    private final int maxResults;
    private final int inFlight;
    private final SplittableRandom random;
    private volatile boolean searching;
    private volatile boolean stopped;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile Throwable failure;
    private volatile int loggedIn;
    // Written by this thread only; read by the main thread after join().
    final Histogram latency = new Histogram(60_000_000_000L, 3);
    long searches;
    long hits;

    LoadClient(List<String> queries, int maxResults, int inFlight, long seed) throws IOException {
        this.selector = Selector.open();
        this.queries = queries;
        this.maxResults = maxResults;
        this.inFlight = inFlight;
        this.random = new SplittableRandom(seed);
    }

    /** Call before the thread starts. */
    void add(ClientConnection c) throws IOException {
        c.channel.configureBlocking(false);
        SelectionKey k = c.channel.register(selector, SelectionKey.OP_READ, c);
        c.register(k);
        connections.add(c);
    }

    int loggedIn() {
        return loggedIn;
    }

    Throwable failure() {
        return failure;
    }

    void startSearching(long windowStartNanos, long windowEndNanos) {
        windowStart = windowStartNanos;
        windowEnd = windowEndNanos;
        searching = true;
        selector.wakeup();
    }

    void stop() {
        stopped = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            for (ClientConnection c : connections) {
                c.login();
            }
            boolean started = false;
            while (!stopped) {
                if (searching && !started) {
                    started = true;
                    for (int i = 0; i < inFlight; i++) {
                        nextSearch();
                    }
                }
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    ClientConnection c = (ClientConnection) k.attachment();
                    if (k.isWritable()) {
                        c.onWritable();
                    }
                    if (k.isReadable()) {
                        c.onReadable();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            for (ClientConnection c : connections) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void loggedIn(ClientConnection c) {
        ready.add(c);
        loggedIn = ready.size();
    }

    @Override
    public void searchEnded(ClientConnection c, ClientConnection.Open search, long endNanos) {
        if (endNanos >= windowStart && endNanos < windowEnd) {
            latency.recordValue(endNanos - search.startNanos);
            searches++;
            hits += search.hits;
        }
        if (endNanos < windowEnd) {
            nextSearch();
        }
    }

    private void nextSearch() {
        ClientConnection c = ready.get(random.nextInt(ready.size()));
        try {
            c.search(queries.get(random.nextInt(queries.size())), maxResults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
