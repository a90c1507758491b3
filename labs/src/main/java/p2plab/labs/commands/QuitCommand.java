package p2plab.labs.commands;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;

/** {@code quit}: leave the shell; every network is closed on the way out. */
@Command(name = "quit", aliases = "exit", description = "Close every network (every port, every thread) and leave.")
final class QuitCommand extends LabCommand {

    QuitCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        lab.requestQuit();
    }
}
