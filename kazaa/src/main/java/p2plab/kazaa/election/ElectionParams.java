package p2plab.kazaa.election;

/**
 * The knobs an election works towards.
 *
 * @param targetRatio supernodes per peer the network should have, e.g. 0.05 = one in twenty
 * @param maxChildren children above which a supernode counts as overloaded
 */
public record ElectionParams(double targetRatio, int maxChildren) {

    public ElectionParams {
        if (!(targetRatio > 0 && targetRatio <= 1)) {
            throw new IllegalArgumentException("supernode-ratio must be in (0, 1], got " + targetRatio);
        }
        if (maxChildren < 1) {
            throw new IllegalArgumentException("max-children must be >= 1, got " + maxChildren);
        }
    }

    /** The default overload threshold for a ratio: twice the children the ratio implies. */
    public static ElectionParams forRatio(double ratio) {
        return new ElectionParams(ratio, defaultMaxChildren(ratio));
    }

    public static int defaultMaxChildren(double ratio) {
        return (int) Math.max(2, Math.ceil(2 * (1 - ratio) / ratio));
    }

    /** Children per supernode when the ratio is met exactly: (1 - r) / r. */
    public double targetChildren() {
        return (1 - targetRatio) / targetRatio;
    }
}
