package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket carries what the shell does: the graph, a search's messages, a kill; and a recording replays it. */
class LiveStreamTest {
    static final String NETWORK = "network create gnutella --peers 40 --degree 4 --seed 7; share --catalogue 60";

    @Test
    void aSearchInTheShellStreamsEventsWhoseFiguresEqualTheShells(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("flood.jsonl");
        try (LiveShell shell = new LiveShell()) {
            shell.run(NETWORK);
            String url = LiveShell.url(shell.run("view --no-open --record " + recording));
            try (PageSocket page = new PageSocket(url)) {
                page.await(f -> f.stream().anyMatch(x -> "topology".equals(x.path("frame").asText())), Duration.ofSeconds(2), "the graph");
                JsonNode topology = page.frames.stream().filter(x -> "topology".equals(x.path("frame").asText())).findFirst().orElseThrow();
                assertEquals(40, topology.get("peers").size(), "as many nodes as the network has");
                assertEquals("gnutella", topology.get("overlay").asText());

                long[] shellFigures = LiveShell.searchFigures(shell.run("search 0 marble --ttl 5"));
                long asked = System.nanoTime();
                page.await(f -> java.util.Arrays.equals(PageSocket.figures(f, "gnutella/Query"), shellFigures),
                        Duration.ofSeconds(1), "the search's events");
                assertTrue(System.nanoTime() - asked < 1_000_000_000L);
                assertTrue(shellFigures[0] > 40, "a flood at TTL 5 costs more messages than there are peers");

                shell.run("peer kill 3");
                page.await(f -> f.stream().filter(x -> "batch".equals(x.path("frame").asText()))
                        .flatMap(x -> java.util.stream.StreamSupport.stream(x.get("events").spliterator(), false))
                        .anyMatch(e -> "killed".equals(e.get("kind").asText()) && "p3".equals(e.get("peer").asText())),
                        Duration.ofSeconds(1), "the kill");
            }
        }
        List<String> lines = Files.readAllLines(recording);
        assertTrue(lines.get(0).startsWith("{\"frame\":\"topology\""), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{") && l.endsWith("}")), "one JSON object a line");

        try (LiveShell shell = new LiveShell()) {
            String url = LiveShell.url(shell.run("view --no-open --replay " + recording));
            try (PageSocket replay = new PageSocket(url)) {
                replay.await(f -> f.size() == lines.size() + 1, Duration.ofSeconds(2), "the recording");
                assertEquals("replay", replay.frames.get(0).get("mode").asText());
                for (int i = 0; i < lines.size(); i++) {
                    assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(i)), replay.frames.get(i + 1));
                }
            }
        }
    }

    @Test
    void theServerClosesWithTheSession() throws Exception {
        LiveShell shell = new LiveShell();
        shell.run(NETWORK);
        String url = LiveShell.url(shell.run("view --no-open"));
        try (PageSocket page = new PageSocket(url)) {
            page.await(f -> f.size() >= 2, Duration.ofSeconds(2), "the graph");
        }
        shell.close();
        assertThrowsConnect(url);
    }

    private static void assertThrowsConnect(String url) {
        try {
            new PageSocket(url).close();
            throw new AssertionError("the server still answers after the session closed");
        } catch (Exception expected) {
            // closed with the session
        }
    }
}
