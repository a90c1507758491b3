package p2plab.kazaa;

import java.util.Objects;
import java.util.function.Supplier;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.Transport;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.CapacityElection;
import p2plab.kazaa.election.SupernodeElection;

/**
 * Kazaa (FastTrack) as the lab runs it: powerful peers serve as supernodes that index their
 * children's files and flood queries among themselves only. Found by {@link java.util.ServiceLoader}.
 *
 * <p>A lab grader swaps in a student's election with {@code new KazaaOverlay(StudentElection::new)}.
 */
public final class KazaaOverlay implements Overlay {
    private static final CapacityElection DEFAULT_ELECTION = new CapacityElection();
    private final Supplier<? extends SupernodeElection> election;

    /** With the default {@link CapacityElection}: it keeps no state, so every peer shares one. */
    public KazaaOverlay() {
        this(() -> DEFAULT_ELECTION);
    }

    /** With another election strategy; the factory is called once per peer. */
    public KazaaOverlay(Supplier<? extends SupernodeElection> election) {
        this.election = Objects.requireNonNull(election, "election factory");
    }

    @Override
    public String name() {
        return "kazaa";
    }

    @Override
    public String description() {
        return "supernodes index their children's files and flood queries among themselves only";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return create(spec, transport, Progress.NONE);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return new KazaaNetwork(spec, transport, KazaaSettings.from(spec.options()), election, progress);
    }
}
