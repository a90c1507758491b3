package p2plab.kademlia.routing;

import java.util.List;

/** Ready-made {@link BucketPolicy} choices. */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    /**
     * BEP 5: a bad node is replaced at once; otherwise the least recently seen questionable
     * node is pinged and replaced only if it stays silent; a bucket of good nodes turns the
     * newcomer away (it waits in the replacement cache).
     */
    public static BucketPolicy bep5() {
        return (entries, newcomer, now, goodFor) -> {
            for (Entry e : entries) {
                if (e.state(now, goodFor) == NodeState.BAD) {
                    return BucketPolicy.Decision.replace(e);
                }
            }
            for (Entry e : entries) {
                if (e.state(now, goodFor) == NodeState.QUESTIONABLE) {
                    return BucketPolicy.Decision.pingFirst(e);
                }
            }
            return BucketPolicy.Decision.DROP;
        };
    }

    /** The naive rule: the newest node always evicts the least recently seen one (old, stable nodes get flushed by churn). */
    public static BucketPolicy evictOldest() {
        return (entries, newcomer, now, goodFor) -> BucketPolicy.Decision.replace(entries.get(0));
    }

    /** By name, for the shell: {@code bep5} or {@code evict-oldest}. */
    public static BucketPolicy named(String name) {
        return switch (name) {
            case "bep5" -> bep5();
            case "evict-oldest" -> evictOldest();
            default -> throw new IllegalArgumentException("unknown bucket policy '" + name + "'; use one of " + NAMES);
        };
    }

    public static final List<String> NAMES = List.of("bep5", "evict-oldest");
}
