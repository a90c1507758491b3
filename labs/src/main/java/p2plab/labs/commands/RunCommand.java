package p2plab.labs.commands;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /** A script is typed by people: a megabyte is far more than any lab needs. */
    static final long MAX_SCRIPT_BYTES = 1 << 20;

    private final Commands commands;

    RunCommand(Lab lab, Commands commands) {
        super(lab);
        this.commands = commands;
    }

    @Override
    protected void run() {
        String text = read(file);
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

    /**
     * The script's text, or a one-line error: a missing file, a folder, a file too large to be a
     * script, or bytes that are not text (the first offending byte in hex, and where).
     */
    static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new LabException(file + " is a folder; give the script file inside it");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SCRIPT_BYTES) {
                throw new LabException(file + " is " + Files.size(file) + " bytes, too large for a script (at most "
                        + MAX_SCRIPT_BYTES + "); is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LabException("cannot read the script " + file + " (" + why(e) + ")" + "; check the path");
        }
        int bad = firstNonText(bytes);
        if (bad >= 0) {
            throw new LabException(file + " is not a text script: byte " + String.format("0x%02x", bytes[bad] & 0xff)
                    + " at offset " + bad + " is not UTF-8 text; a script holds shell commands, one per line");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Offset of the first byte that cannot be in a UTF-8 text file (malformed, or a NUL), or -1. */
    private static int firstNonText(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
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
