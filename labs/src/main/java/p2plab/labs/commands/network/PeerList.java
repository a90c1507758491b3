package p2plab.labs.commands.network;

import java.util.List;
import java.util.stream.Collectors;
import p2plab.common.overlay.PeerInfo;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.console.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peer list}: every peer with its role, state, neighbours and shares. */
@Command(name = "list", description = "List the peers: role, up or down, address, neighbours, shared files.")
final class PeerList extends LabCommand {

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = "--down", description = "Only the peers that are down (crashed or killed).")
    boolean down;

    PeerList(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        List<PeerInfo> all = n.network().topology().peers();
        List<PeerInfo> peers = down ? all.stream().filter(p -> !p.alive()).toList() : all;
        if (json) {
            printJson(peers);
            return;
        }
        Table t = new Table("id", "role", "state", "address", "shares", "neighbours", "details");
        for (PeerInfo p : peers) {
            t.row(p.id(), p.role(), p.alive() ? "up" : "down",
                    p.address(), p.shares(),
                    p.neighbours().stream().map(Object::toString).collect(Collectors.joining(" ")),
                    p.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        t.print(console());
        long alive = all.stream().filter(PeerInfo::alive).count();
        println(all.size() + " peers, " + alive + " up, " + (all.size() - alive) + " down");
    }
}
