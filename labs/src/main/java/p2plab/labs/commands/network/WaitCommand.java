package p2plab.labs.commands.network;

import p2plab.labs.commands.base.LabCommand;
import java.time.Duration;
import java.util.List;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.common.units.TimeSpan;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code wait 5s}: lets protocol time pass in every network, so that heartbeats, retries,
 * reconnects and rechokes happen. In a script this is the only way time passes between
 * commands; a simulated network runs its events up to then, a TCP network sleeps.
 */
@Command(name = "wait", description = "Let protocol time pass in every network (simulated: runs its events; TCP: sleeps), e.g. `wait 5s`.")
public final class WaitCommand extends LabCommand {
    private static final Duration MAX = Duration.ofHours(24);

    @Parameters(paramLabel = "<duration>", description = "How long: 500ms, 10s, 1.5s, 2m, 1h (a bare number is seconds).")
    String duration;

    WaitCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        Duration d = TimeSpan.parse(duration);
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw new LabException("wait takes a duration above 0 and up to 24h, got " + duration);
        }
        List<LabNetwork> all = lab.networks();
        if (all.isEmpty()) {
            throw new LabException("there is no network to wait for; create one first, e.g. `network create napster --peers 4`");
        }
        LabNetwork slowest = null;
        for (LabNetwork n : all) {
            if (n.simulated()) {
                n.network().transport().advance(d);
            } else if (slowest == null || realNanos(n, d) > realNanos(slowest, d)) {
                slowest = n;
            }
        }
        if (slowest != null) {
            slowest.network().transport().advance(d); // the others' shorter real waits pass meanwhile
        }
        println(TimeSpan.format(d) + " of protocol time passed in " + String.join(", ", all.stream().map(LabNetwork::name).toList()));
    }

    private static double realNanos(LabNetwork n, Duration d) {
        return n.network().transport() instanceof TcpTransport t ? d.toNanos() / t.timeScale() : 0;
    }
}
