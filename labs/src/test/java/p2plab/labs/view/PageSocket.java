package p2plab.labs.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a page would receive on the WebSocket, kept as parsed frames. */
final class PageSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    PageSocket(String url) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url.replace("http://", "ws://") + "events"), new WebSocket.Listener() {
                    private final StringBuilder part = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(part.toString()));
                            } catch (Exception e) {
                                throw new AssertionError("not JSON: " + part, e);
                            }
                            part.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    /** Waits until {@code done} holds for the frames so far. */
    void await(Predicate<List<JsonNode>> done, Duration within, String what) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!done.test(frames)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not arrive within " + within.toMillis() + " ms; frames: " + frames.size());
            }
            Thread.sleep(20);
        }
    }

    /** Messages, duplicate queries and peers reached of search {@code key}, counted like the transport's tally. */
    static long[] figures(List<JsonNode> frames, String queryType) {
        long messages = 0;
        long queries = 0;
        String origin = null;
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (JsonNode f : frames) {
            if (!"batch".equals(f.path("frame").asText())) {
                continue;
            }
            for (JsonNode e : f.get("events")) {
                if (!e.has("search")) {
                    continue;
                }
                if ("sent".equals(e.get("kind").asText())) {
                    messages++;
                    origin = origin == null ? e.get("peer").asText() : origin;
                } else if (queryType.equals(e.path("type").asText())) {
                    queries++;
                    reached.add(e.get("peer").asText());
                }
            }
        }
        long duplicates = queries - reached.size();
        reached.remove(origin);
        return new long[] {messages, duplicates, reached.size()};
    }

    @Override
    public void close() {
        socket.abort();
    }
}
