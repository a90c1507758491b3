package p2plab.labs.commands.network;

import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code network use NAME}: switches the current network. */
@Command(name = "use", description = "Make another network the current one.")
final class NetworkUse extends LabCommand {

    @Parameters(paramLabel = "NAME", completionCandidates = Candidates.NetworkNames.class, description = "A network from `network list`.")
    String name;

    NetworkUse(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        lab.use(name);
        println("now using " + name);
    }
}
