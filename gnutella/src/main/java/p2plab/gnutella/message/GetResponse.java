package p2plab.gnutella.message;

/**
 * The answer to a {@link GetRequest}: {@code HTTP/1.1 206 Partial Content} with
 * {@code Content-Range: bytes <first>-<last>/<total>} and the bytes, or an error status
 * (404 no such file, 416 bad range) with no body.
 */
public record GetResponse(int status, long first, long total, byte[] body) implements GnutellaMessage {

    public GetResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status is 100..599, got " + status);
        }
        if (body == null || first < 0 || total < 0) {
            throw new IllegalArgumentException("a response needs a body (maybe empty) and first, total >= 0");
        }
    }

    public static GetResponse partial(long first, long total, byte[] body) {
        return new GetResponse(206, first, total, body);
    }

    public static GetResponse error(int status) {
        return new GetResponse(status, 0, 0, new byte[0]);
    }

    public boolean ok() {
        return status == 200 || status == 206;
    }

    public String reason() {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 404 -> "Not Found";
            case 416 -> "Requested Range Not Satisfiable";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
