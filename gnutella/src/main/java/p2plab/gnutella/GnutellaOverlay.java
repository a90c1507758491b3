package p2plab.gnutella;

import java.util.function.Supplier;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.Transport;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.gnutella.routing.ForwardingRules;

/**
 * Gnutella 0.6: no server; queries flood from neighbour to neighbour until their TTL runs out,
 * and hits come back the way the query came. Found by {@link java.util.ServiceLoader}.
 *
 * <p>The no-argument constructor takes the forwarding rule from the {@code forwarding} option;
 * the other one swaps in any rule (a student's, in the Gnutella lab) for every servent.
 */
public final class GnutellaOverlay implements Overlay {
    private final Supplier<? extends ForwardingRule> rules;

    public GnutellaOverlay() {
        this.rules = null;
    }

    /** @param rules makes one forwarding rule per servent; it overrides the {@code forwarding} option */
    public GnutellaOverlay(Supplier<? extends ForwardingRule> rules) {
        if (rules == null) {
            throw new IllegalArgumentException("a forwarding-rule factory is needed");
        }
        this.rules = rules;
    }

    @Override
    public String name() {
        return "gnutella";
    }

    @Override
    public String description() {
        return "decentralised search: queries flood hop by hop with a TTL, hits return along the reverse path";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return create(spec, transport, Progress.NONE);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        GnutellaOptions options = GnutellaOptions.parse(spec.options());
        Supplier<? extends ForwardingRule> factory = rules != null ? rules
                : ForwardingRules.named(options.forwarding(), options.walkers());
        return new GnutellaNetwork(spec, transport, options, factory, progress);
    }
}
