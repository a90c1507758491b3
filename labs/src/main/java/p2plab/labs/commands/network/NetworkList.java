package p2plab.labs.commands.network;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.console.Table;
import picocli.CommandLine.Command;

/** {@code network list}: every network of the session; the current one is starred. */
@Command(name = "list", description = "List the networks of this session (* marks the current one).")
final class NetworkList extends LabCommand {

    NetworkList(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        if (lab.networks().isEmpty()) {
            println("no networks yet; create one with `network create <overlay> --peers N`");
            return;
        }
        Table t = new Table("", "name", "overlay", "transport", "peers", "alive", "seed");
        for (LabNetwork n : lab.networks()) {
            long alive = n.network().topology().peers().stream().filter(p -> p.alive()).count();
            t.row(n.name().equals(lab.currentName()) ? "*" : "", n.name(), n.network().overlay(), n.transportKind(),
                    n.network().peers().size(), alive, n.spec().seed());
        }
        t.print(console());
    }
}
