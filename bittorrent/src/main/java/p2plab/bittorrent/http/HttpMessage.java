package p2plab.bittorrent.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The two HTTP/1.1 messages a tracker needs: a request and its response. Header names are kept lower-case. */
public sealed interface HttpMessage {

    Map<String, String> headers();

    byte[] body();

    record Request(String method, String target, Map<String, String> headers, byte[] body) implements HttpMessage {
        public Request {
            headers = lower(headers);
        }

        public static Request get(String target, String host) {
            return new Request("GET", target, Map.of("host", host, "connection", "close", "user-agent", "p2plab"), new byte[0]);
        }

        /** The same request with one more header. */
        public Request with(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(method, target, h, body);
        }

        /** The path without the query string. */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        public String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }
    }

    record Response(int status, String reason, Map<String, String> headers, byte[] body) implements HttpMessage {
        public Response {
            headers = lower(headers);
        }

        public static Response ok(String contentType, byte[] body) {
            return new Response(200, "OK", Map.of("content-type", contentType, "connection", "close"), body);
        }

        /** The same response with one more header. */
        public Response with(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, reason, h, body);
        }

        public static Response error(int status, String reason, String text) {
            return new Response(status, reason, Map.of("content-type", "text/plain", "connection", "close"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * What a server's decoder yields for a request it cannot take (bad request line, URL or header
     * block too long, chunked body, bad Content-Length): the status to answer before closing. It
     * is never sent; the connection is unusable after it.
     */
    record Refused(int status, String reason, String detail) implements HttpMessage {
        @Override
        public Map<String, String> headers() {
            return Map.of();
        }

        @Override
        public byte[] body() {
            return new byte[0];
        }

        /** The answer: this status, the detail as text, and a close. */
        public Response response() {
            return Response.error(status, reason, detail);
        }
    }

    private static Map<String, String> lower(Map<String, String> headers) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(m);
    }
}
