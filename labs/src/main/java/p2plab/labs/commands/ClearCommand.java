package p2plab.labs.commands;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;

/** {@code clear}: a clean screen before the next demonstration; nothing when output is a file. */
@Command(name = "clear", aliases = "cls", description = "Clear the screen.")
final class ClearCommand extends LabCommand {
    /** Cursor home, then erase the whole screen: understood by every terminal the shell runs in. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    ClearCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        if (lab.interactive() || console().ansi()) {
            console().out().print(CLEAR_SCREEN);
            console().out().flush();
        }
    }
}
