package p2plab.labs.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run FILE} / {@code source FILE}: the commands of a file, stopping at the first that fails. */
@Command(name = "run", aliases = "source", description = "Run the commands in a file (one per line, # comments); stops at the first failure.")
final class RunCommand extends LabCommand {

    @Parameters(paramLabel = "FILE", description = "A script, e.g. lab2.p2p.")
    Path file;

    private final Commands commands;

    RunCommand(Lab lab, Commands commands) {
        super(lab);
        this.commands = commands;
    }

    @Override
    protected void run() {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LabException("cannot read the script " + file + " (" + why(e) + ")" + "; check the path");
        }
        lab.enterScript();
        try {
            int code = commands.runScript(text, file.toString(), true);
            if (code != 0) {
                throw new ScriptFailed(code);
            }
        } finally {
            lab.leaveScript();
        }
    }

    /** The script's failing command already printed its error; this only carries the exit code up. */
    static final class ScriptFailed extends RuntimeException {
        final int code;

        ScriptFailed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
