package p2plab.labs.commands.network;

import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code network destroy NAME}: stops every peer of a network and closes its ports. */
@Command(name = "destroy", description = "Stop a network: every peer stopped, every port closed.")
final class NetworkDestroy extends LabCommand {

    @Parameters(paramLabel = "NAME", completionCandidates = Candidates.NetworkNames.class, description = "A network from `network list`.")
    String name;

    NetworkDestroy(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        lab.destroy(name);
        println("destroyed " + name + (lab.currentName() == null ? "" : "; current network: " + lab.currentName()));
    }
}
