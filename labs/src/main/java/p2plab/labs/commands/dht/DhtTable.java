package p2plab.labs.commands.dht;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.base.Candidates;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.routing.Bucket;
import p2plab.kademlia.routing.Entry;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dht table 7}: peer 7's k-buckets, each with its id range and its nodes' states. */
@Command(name = "table", description = "Show a node's routing table: each bucket's id range and its nodes (good, questionable, bad).")
final class DhtTable extends LabCommand {

    @Parameters(index = "0", paramLabel = "<peer>", completionCandidates = Candidates.PeerIds.class, description = "The node to look into.")
    String peer;

    DhtTable(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        DhtView k = DhtCommand.kademlia(lab);
        PeerId p = n.peer(peer);
        if (!k.dht(p).node().isAlive()) {
            throw new p2plab.labs.session.LabException("peer " + p + " is down; `peer revive " + p + "` first");
        }
        for (String line : DhtCommand.onNode(n, k, p, () -> render(k, k.dht(p)))) {
            println(line);
        }
    }

    private static List<String> render(DhtView k, DhtNode dht) {
        List<String> out = new ArrayList<>();
        NodeId own = dht.id();
        long now = dht.node().clock().nanos();
        List<Bucket> buckets = dht.table().buckets();
        out.add("node " + own.hex() + " at " + dht.node().address() + ": " + dht.table().size() + " nodes in "
                + buckets.size() + " buckets (k = " + dht.table().k() + ")");
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            boolean last = i == buckets.size() - 1;
            out.add(String.format("bucket %-3d ids %-24s %d node%s%s", i, range(own, b.prefix(), last), b.entries().size(),
                    b.entries().size() == 1 ? "" : "s", b.replacements().isEmpty() ? "" : ", " + b.replacements().size() + " waiting"));
            for (Entry e : b.entries()) {
                PeerId who = k.peerAt(e.contact().address());
                out.add(String.format("    %s  %-8s %-21s %s", e.contact().id().shortHex(), who == null ? "outside" : who.label(),
                        e.contact().address(), dht.table().state(e, now).name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    /** The bucket's ids as a bit pattern: the own id's first bits, then the bit that differs, then anything. */
    private static String range(NodeId own, int prefix, boolean last) {
        StringBuilder s = new StringBuilder();
        int shown = Math.min(prefix, 16);
        for (int i = 0; i < shown; i++) {
            s.append(own.bit(i) ? '1' : '0');
        }
        if (prefix > shown) {
            s.append("..(").append(prefix).append(" bits)");
        }
        if (!last) {
            s.append(own.bit(prefix) ? '0' : '1');
        }
        return s.append('*').toString();
    }
}
