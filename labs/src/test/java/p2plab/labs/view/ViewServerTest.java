package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server hands out the page, its assets and the WebSocket, and nothing else. */
class ViewServerTest {
    private static ViewServer server;

    @BeforeAll
    static void start() {
        server = ViewServer.replay("127.0.0.1", 0, List.of("{\"frame\":\"topology\",\"peers\":[],\"edges\":[]}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesThePageItsScriptAndD3FromTheJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<canvas id=\"graph\""), page.body());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        HttpResponse<String> d3 = http.send(HttpRequest.newBuilder(URI.create(server.url() + "d3.min.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, d3.statusCode());
        assertTrue(d3.body().contains("https://d3js.org v7.9.0"), "the WebJar's d3, version 7.9.0");
        for (String asset : List.of("view.js", "view.css", "index.html")) {
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.url() + asset)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), asset);
        }
    }

    @Test
    void dotDotAndUnknownPathsAreNotFound() throws Exception {
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/view.js/../../../etc/passwd", "/..", "/etc/passwd",
                "/nope", "/META-INF/resources/webjars/d3/7.9.0/dist/d3.min.js", "/p2plab/view/index.html", "//view.js", "/view.js/")) {
            assertEquals("HTTP/1.1 404 Not Found", statusLine("GET " + path), path);
        }
        assertEquals("HTTP/1.1 405 Method Not Allowed", statusLine("POST /"));
    }

    @Test
    void bindsLoopbackUnlessToldOtherwise() throws Exception {
        try (LiveShell shell = new LiveShell()) {
            String out = shell.run("view --no-open");
            assertTrue(LiveShell.url(out).startsWith("http://127.0.0.1:"), out);
            assertEquals("", shell.err());
            String other = shell.run("view --no-open --bind 127.0.0.2");
            assertTrue(LiveShell.url(other).startsWith("http://127.0.0.2:"), other);
            assertTrue(shell.err().contains("warning: the view is served on 127.0.0.2"), shell.err());
            assertTrue(other.contains("stopped the previous view at " + LiveShell.url(out)), "one view at a time: " + other);
        }
    }

    private static String statusLine(String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream o = s.getOutputStream();
            o.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
