package p2plab.labs.commands.network;

import p2plab.labs.commands.base.LabCommand;
import java.util.Locale;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code network speed 10x|pause}: how fast protocol time flows in the current simulated
 * network while the interactive shell waits for input.
 */
@Command(name = "speed", description = "How fast protocol time flows in the current simulated network while the shell waits: 1x (default), 10x, 0.5x, pause.")
final class NetworkSpeed extends LabCommand {
    private static final double MAX = 1000;

    @Parameters(arity = "0..1", paramLabel = "<factor>", description = "1x, 10x, 0.25x (any factor up to 1000x), or pause; none: show it.")
    String factor;

    NetworkSpeed(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        if (!n.simulated()) {
            throw new LabException(n.name() + " runs over TCP, in real time (x its --time-scale); `network speed` is for simulated networks");
        }
        if (factor != null) {
            n.speed(parse(factor));
        }
        String where = lab.interactive() ? "while the shell waits for input"
                : "in the interactive shell; in a script time passes only inside commands (use `wait`)";
        println(n.name() + ": " + (n.speed() == 0 ? "paused: no protocol time passes " + where
                : "protocol time runs at " + show(n.speed()) + " the wall clock " + where));
    }

    static double parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("pause") || t.equals("paused") || t.equals("0") || t.equals("0x")) {
            return 0;
        }
        try {
            double x = Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t);
            if (x > 0 && x <= MAX) {
                return x;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new LabException("speed must be a factor such as 1x, 10x or 0.5x (above 0, at most 1000x), or pause; got '" + text + "'");
    }

    private static String show(double x) {
        return (x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x)) + "x";
    }
}
