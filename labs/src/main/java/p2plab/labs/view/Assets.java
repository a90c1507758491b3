package p2plab.labs.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only files the server hands out, all from the jar: the page, its script and style, and
 * d3 from its WebJar. Anything else, {@code ..} included, is not found: there is no path
 * from a URL to the file system.
 */
final class Assets {
    static final String WEBSOCKET = "/events";

    private static final String D3 = "/META-INF/resources/webjars/d3/7.9.0/dist/d3.min.js";

    /** URL path -> (resource, content type). */
    private static final Map<String, String[]> ROUTES = Map.of(
            "/", new String[] {"/p2plab/view/index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"/p2plab/view/index.html", "text/html; charset=utf-8"},
            "/view.js", new String[] {"/p2plab/view/view.js", "text/javascript; charset=utf-8"},
            "/view.css", new String[] {"/p2plab/view/view.css", "text/css; charset=utf-8"},
            "/d3.min.js", new String[] {D3, "text/javascript; charset=utf-8"});

    /** Read once, at the first request for each: a request costs no copy of d3 (280 KB). */
    private static final Map<String, Asset> LOADED = new ConcurrentHashMap<>();

    /** @param body shared by every request: never written to */
    record Asset(byte[] body, String contentType) {
    }

    private Assets() {
    }

    /** The asset at {@code uri} (query string ignored), or empty for anything that is not one. */
    static Optional<Asset> find(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String[] route = ROUTES.get(path);
        if (route == null) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(route[0], r -> load(r, route[1])));
    }

    private static Asset load(String resource, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it");
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
