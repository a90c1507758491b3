package p2plab.common.overlay;

/** What a peer does in its network, as shown by {@code peer list} and {@code topology}. */
public enum Role {
    PEER("peer"),
    INDEX_SERVER("index server"),
    SUPERNODE("supernode"),
    ORDINARY_NODE("ordinary node"),
    TRACKER("tracker"),
    SEED("seed"),
    LEECHER("leecher"),
    ORIGIN("origin server"),
    EDGE("edge cache"),
    LISTENER("listener");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
