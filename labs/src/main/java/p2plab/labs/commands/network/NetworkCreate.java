package p2plab.labs.commands.network;

import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Transport;
import p2plab.kademlia.KademliaOptions;
import p2plab.labs.console.PhaseProgress;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.session.Transports;
import p2plab.labs.trackerless.DhtSchedule;
import p2plab.labs.trackerless.DhtSwarm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network create gnutella --peers 50 ...}: builds a network and makes it current. */
@Command(name = "create", description = "Build a network of one overlay and make it the current one.")
final class NetworkCreate extends LabCommand {

    @Parameters(index = "0", paramLabel = "<overlay>", completionCandidates = Candidates.OverlayNames.class,
            description = "Overlay to run: ${COMPLETION-CANDIDATES}.")
    String overlay;

    @Option(names = "--peers", required = true, paramLabel = "N", description = "Peers to start with.")
    int peers;

    @Option(names = "--topology", paramLabel = "KIND", completionCandidates = Candidates.TopologyKinds.class,
            description = "How peers are wired: ${COMPLETION-CANDIDATES} (default: the overlay's own).")
    String topology;

    @Option(names = "--degree", paramLabel = "D", description = "Degree of the topology (default 4; alone it means random-regular).")
    Integer degree;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--transport", paramLabel = "sim|tcp", defaultValue = "sim", completionCandidates = Candidates.TransportKinds.class,
            description = "sim: simulator in virtual time (default); tcp: real sockets on 127.0.0.1.")
    String transport;

    @Option(names = "--upload", paramLabel = "RATE", description = "Every peer's upload rate, e.g. 1MB/s (default unlimited).")
    String upload;

    @Option(names = "--download", paramLabel = "RATE", description = "Every peer's download rate, e.g. 8Mbps (default unlimited).")
    String download;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1", description = "TCP only: protocol seconds per real second (default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--name", paramLabel = "NAME", description = "The network's name (default <overlay>-<n>).")
    String name;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "An overlay setting, e.g. -o ttl=5 -o forwarding=flood.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--k", paramLabel = "K", description = "Kademlia: nodes per bucket and per lookup (default 8); same as -o k=K.")
    Integer k;

    @Option(names = "--alpha", paramLabel = "A", description = "Kademlia: lookup queries in flight (default 3); same as -o alpha=A.")
    Integer alpha;

    @Option(names = "--mode", paramLabel = "server|cdn|hybrid", description = "streaming only: how music is delivered (default hybrid).")
    String mode;

    @Option(names = "--trackerless", description = "bittorrent only: torrents name no tracker; peers find each other through a Kademlia DHT"
            + " beside the swarm (a DHT node per peer, real UDP with --transport tcp). `dht table` and `dht lookup` read it.")
    boolean trackerless;

    @Option(names = "--dht", description = "bittorrent only: peers use a Kademlia DHT beside the tracker, as real clients do,"
            + " so the swarm outlives `tracker kill`.")
    boolean dht;

    @Option(names = "--impl", paramLabel = "student|reference",
            description = "Run the lab's strategy from student/<lab>/ (compiled now) or the reference solution inside this overlay.")
    String impl;

    NetworkCreate(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        Overlay o = lab.overlays().get(overlay);
        if (impl != null) {
            o = p2plab.labs.session.LabImplementations.overlay(overlay, impl);
        }
        if (peers < 1 || peers > 1_000_000) {
            throw new LabException("--peers must be between 1 and 1000000, got " + peers);
        }
        if (degree != null && degree < 1) {
            throw new LabException("--degree must be at least 1 (neighbours per peer), got " + degree);
        }
        String netName = name == null ? lab.freeName(overlay) : name;
        if (netName.isBlank() || !netName.matches("[A-Za-z0-9._-]+")) {
            throw new LabException("--name may use letters, digits, '.', '_' and '-', got '" + netName + "'");
        }
        if (lab.has(netName)) {
            throw new LabException("a network called '" + netName + "' exists already; pick another --name or `network destroy " + netName + "`");
        }
        if (!transport.equals("sim") && !transport.equals("tcp")) {
            throw new LabException("unknown transport '" + transport + "'; choose sim or tcp");
        }
        // A copy: picocli hands the same map back on the next command, so what this one adds must not stay in it.
        Map<String, String> opts = new LinkedHashMap<>(options);
        if (k != null) {
            opts.put("k", k.toString());
        }
        if (alpha != null) {
            opts.put("alpha", alpha.toString());
        }
        if (mode != null) {
            opts.put("mode", mode); // the streaming overlay reads it; any other overlay rejects it as an unknown option
        }
        boolean withDht = trackerless || dht;
        if (withDht && !overlay.equals("bittorrent")) {
            throw new LabException((trackerless ? "--trackerless" : "--dht") + " is for bittorrent networks; `network create bittorrent --peers 20 "
                    + (trackerless ? "--trackerless" : "--dht") + "`");
        }
        if (withDht && impl != null) {
            throw new LabException("--impl runs a lab's strategy in a plain swarm; drop " + (trackerless ? "--trackerless" : "--dht") + " or --impl");
        }
        if ("true".equals(opts.get("trackerless")) && !withDht) {
            throw new LabException("-o trackerless=true alone leaves peers no way to meet; use --trackerless, which adds the DHT");
        }
        if (trackerless) {
            opts.put("trackerless", "true");
        }
        TopologySpec t = topologySpec();
        PeerSpec peerSpec = Rates.peerSpec(upload, download);
        NetworkSpec spec = new NetworkSpec(netName, peers, t, seed, peerSpec, opts);
        HeapBudget.require("network create " + overlay + " --peers " + peers, HeapBudget.network(overlay, peers));
        Transport tr = Transports.create(transport, seed, timeScale);
        Network network;
        PhaseProgress progress = new PhaseProgress(console(), "building " + netName);
        try {
            network = withDht ? DhtSwarm.start(spec, tr, progress, DhtSchedule.USUAL) : o.create(spec, tr, progress);
        } catch (RuntimeException | Error e) { // cancelled (Ctrl-C) or out of memory too: nothing half-built is left running
            tr.close();
            throw e;
        } finally {
            progress.finish();
        }
        LabNetwork created = new LabNetwork(network, spec, transport);
        lab.add(created);
        println("created " + netName + ": " + overlay + ", " + peers + " peers"
                + (t == null ? "" : ", " + t.kind() + " topology" + (t.degree() > 0 && !java.util.List.of("ring", "line", "grid").contains(t.kind()) ? " of degree " + t.degree() : ""))
                + ", " + (transport.equals("sim") ? "simulated" : "TCP on 127.0.0.1") + ", seed " + seed
                + (impl == null ? "" : ", " + impl + " implementation")
                + (trackerless ? ", trackerless (peers meet through a Kademlia DHT)" : dht ? ", with a Kademlia DHT beside the tracker" : "")
                + (!overlay.equals("kademlia") ? "" : KademliaOptions.filled(opts, peers)
                        ? ", routing tables filled directly (-o build=join joins the nodes one by one)" : ", nodes joined one by one")
                + "; it is now the current network");
        try {
            settle(created); // every peer has joined (logged in, linked up) when this returns, or it says what is pending
        } catch (OutOfMemoryError e) {
            lab.destroy(netName); // a network that could not even settle is no use, and it holds the heap
            throw e;
        }
    }

    private TopologySpec topologySpec() {
        if (topology == null && degree == null) {
            return null;
        }
        return TopologySpec.of(topology == null ? "random-regular" : topology, degree == null ? 4 : degree);
    }
}
