package p2plab.labs.commands.dht;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.base.Usage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.Keywords;
import p2plab.common.overlay.PeerId;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.krpc.NodeId;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dht table|lookup}: inside a Kademlia node; {@code dht node}: a standalone one on real UDP. */
@Command(name = "dht", description = {"Look inside a Kademlia network: a node's routing table, a lookup step by step.",
        "`dht node` runs a standalone DHT node on real UDP for trackerless BitTorrent."},
        subcommands = {DhtTable.class, DhtLookup.class, DhtNodeCommand.class})
public final class DhtCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Usage.needsSubcommand(spec); // a usage error (exit 2), like every group typed alone
    }

    /** The current network as a Kademlia network, or a one-line error that says what to do. */
    static DhtView kademlia(Lab lab) {
        LabNetwork n = lab.current();
        if (n.network() instanceof DhtView k) {
            return k;
        }
        throw new LabException(n.name() + " is a " + n.network().overlay() + " network; dht commands need kademlia: "
                + "`network create kademlia --peers 50` (or a swarm with a DHT: `network create bittorrent --peers 20 --trackerless`)");
    }

    /** A 40-hex key as it is, or the key of one keyword (its SHA-1, as `share` stores it). */
    static NodeId key(String text) {
        if (text.matches("[0-9a-fA-F]{40}")) {
            return NodeId.ofHex(text.toLowerCase(java.util.Locale.ROOT));
        }
        var words = Keywords.of(text);
        if (words.size() != 1) {
            throw new LabException("give one keyword (its SHA-1 is the key) or a key of 40 hex digits, got '" + text + "'");
        }
        return NodeId.sha1(words.get(0));
    }

    /** Runs {@code work} on peer {@code p}'s own thread and waits for what it returns. */
    static <T> T onNode(LabNetwork n, DhtView k, PeerId p, java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        k.dht(p).node().execute(() -> f.complete(work.get()));
        return LabCommand.await(n.network().transport(), f, Duration.ofSeconds(10), "reading peer " + p);
    }
}
