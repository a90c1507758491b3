package p2plab.napster;

import java.util.function.Supplier;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.Transport;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.InvertedIndex;

/**
 * Napster: one central index server (peer 0) knows who shares what; peers 1..N search through
 * it and fetch files directly from each other. Found by {@link java.util.ServiceLoader}.
 */
public final class NapsterOverlay implements Overlay {
    private final Supplier<IndexStore> indexes;

    /** The default index, an {@link InvertedIndex}. */
    public NapsterOverlay() {
        this(InvertedIndex::new);
    }

    /** Builds servers with indexes from {@code indexes} (the lab's grader passes a student's). */
    public NapsterOverlay(Supplier<IndexStore> indexes) {
        this.indexes = indexes;
    }

    @Override
    public String name() {
        return "napster";
    }

    @Override
    public String description() {
        return "central index server: one place to search, two messages plus one per hit; dies with the server";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return NapsterNetwork.start(spec, transport, indexes, Progress.NONE);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return NapsterNetwork.start(spec, transport, indexes, progress);
    }
}
