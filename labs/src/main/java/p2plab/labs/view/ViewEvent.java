package p2plab.labs.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the page animates. {@code kind} is one of {@code sent}, {@code delivered} (a
 * message: {@code type} as {@code overlay/Type}, {@code search} its trace key when it belongs to
 * one), {@code up}, {@code killed}, {@code revived} (a peer), or {@code role} (a peer's new role).
 *
 * @param peer the peer's metrics label, e.g. {@code p7}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViewEvent(String kind, String peer, String type, String search, String role) {

    public static ViewEvent sent(String peer, String type, Object key) {
        return new ViewEvent("sent", peer, type, key == null ? null : key.toString(), null);
    }

    public static ViewEvent delivered(String peer, String type, Object key) {
        return new ViewEvent("delivered", peer, type, key == null ? null : key.toString(), null);
    }

    public static ViewEvent peer(String kind, String peer) {
        return new ViewEvent(kind, peer, null, null, null);
    }

    public static ViewEvent role(String peer, String role) {
        return new ViewEvent("role", peer, null, null, role);
    }

    /** Messages that belong to a search: never shed when the queue is crowded. */
    boolean traced() {
        return search != null || type == null;
    }
}
