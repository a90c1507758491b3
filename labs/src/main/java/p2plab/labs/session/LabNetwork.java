package p2plab.labs.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Role;

/**
 * One network the shell holds, with what the shell remembers about it: the spec it was built
 * from, the files shared through the shell (so `download` can take a name), and a seeded random
 * source for churn.
 */
public final class LabNetwork implements AutoCloseable {
    private final Network network;
    private final NetworkSpec spec;
    private final String transportKind;
    private final Map<ContentId, Content> shared = new LinkedHashMap<>();
    private final Map<ContentId, java.util.Set<PeerId>> holders = new java.util.HashMap<>();
    private final SplittableRandom churn;
    /** Protocol seconds per real second while the interactive shell waits for input (simulation only; 0 = paused). */
    private volatile double speed = 1;

    public LabNetwork(Network network, NetworkSpec spec, String transportKind) {
        this.network = network;
        this.spec = spec;
        this.transportKind = transportKind;
        this.churn = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
    }

    public String name() {
        return network.name();
    }

    public Network network() {
        return network;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public String transportKind() {
        return transportKind;
    }

    public double speed() {
        return speed;
    }

    public void speed(double protocolSecondsPerSecond) {
        speed = protocolSecondsPerSecond;
    }

    public boolean simulated() {
        return transportKind.equals("sim");
    }

    public SplittableRandom churn() {
        return churn;
    }

    public void remember(Content c) {
        shared.putIfAbsent(c.id(), c);
    }

    /** Remembers that {@code holder} shares {@code c} (so `download all` leaves it out). */
    public void remember(PeerId holder, Content c) {
        remember(c);
        holders.computeIfAbsent(c.id(), k -> new java.util.TreeSet<>()).add(holder);
    }

    /** The peers {@code id} was shared on through the shell. */
    public java.util.Set<PeerId> holders(ContentId id) {
        return holders.getOrDefault(id, java.util.Set.of());
    }

    public List<Content> shared() {
        return new ArrayList<>(shared.values());
    }

    /** Files shared through the shell whose name is {@code name}, ignoring case. */
    public List<Content> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return shared.values().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(n)).toList();
    }

    /** Files shared through the shell whose id starts with {@code prefix}. */
    public List<Content> byIdPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return shared.values().stream().filter(c -> c.id().hex().startsWith(p)).toList();
    }

    /** Parses a peer id and checks it exists here, with a one-line error that says what to do. */
    public PeerId peer(String text) {
        PeerId id = PeerId.parse(text);
        List<PeerId> all = network.peers();
        if (!all.contains(id)) {
            throw new OverlayException("there is no peer " + id + " in " + name() + " (ids "
                    + (all.isEmpty() ? "none" : all.get(0) + ".." + all.get(all.size() - 1)) + "); `peer list` shows them");
        }
        return id;
    }

    /** Alive peers that hold files: every peer but index servers and trackers. */
    public List<PeerId> sharingPeers() {
        List<PeerId> out = new ArrayList<>();
        for (PeerInfo p : network.topology().peers()) {
            if (p.alive() && p.role() != Role.INDEX_SERVER && p.role() != Role.TRACKER) {
                out.add(p.id());
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            network.transport().close();
        }
    }
}
