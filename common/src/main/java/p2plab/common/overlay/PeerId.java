package p2plab.common.overlay;

import com.fasterxml.jackson.annotation.JsonValue;

/** A peer's number within one network, as the user types it ({@code peer kill 7}). */
public record PeerId(int value) implements Comparable<PeerId> {

    public PeerId {
        if (value < 0) {
            throw new IllegalArgumentException("peer ids are >= 0, got " + value);
        }
    }

    public static PeerId of(int value) {
        return new PeerId(value);
    }

    /** Parses {@code 7} or {@code p7}. */
    public static PeerId parse(String text) {
        String t = text.startsWith("p") ? text.substring(1) : text;
        try {
            return new PeerId(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a peer id; use a number such as 7 (see `peer list`)");
        }
    }

    /** The label the transport counts this peer under. */
    public String label() {
        return "p" + value;
    }

    @JsonValue
    public int json() {
        return value;
    }

    @Override
    public int compareTo(PeerId o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
