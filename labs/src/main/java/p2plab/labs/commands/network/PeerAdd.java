package p2plab.labs.commands.network;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peer add [--count K]}: peers join the current network. */
@Command(name = "add", description = "Add peers to the current network; they join as the overlay says.")
final class PeerAdd extends LabCommand {

    @Option(names = "--count", paramLabel = "K", defaultValue = "1", description = "How many peers (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--upload", paramLabel = "RATE", description = "Their upload rate, e.g. 1MB/s (default unlimited).")
    String upload;

    @Option(names = "--download", paramLabel = "RATE", description = "Their download rate, e.g. 8Mbps (default unlimited).")
    String download;

    PeerAdd(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        if (count < 1 || count > 100_000) {
            throw new LabException("--count must be between 1 and 100000, got " + count);
        }
        LabNetwork n = lab.current();
        PeerSpec spec = Rates.peerSpec(upload, download);
        List<PeerId> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(n.network().addPeer(spec));
        }
        println("added " + count + (count == 1 ? " peer: " : " peers: ") + ids(added));
        settle(n); // they have joined when this returns, or it says what is pending
    }

    static String ids(List<PeerId> ids) {
        if (ids.size() > 12) {
            return ids.get(0) + ".." + ids.get(ids.size() - 1);
        }
        return String.join(" ", ids.stream().map(PeerId::toString).toList());
    }
}
