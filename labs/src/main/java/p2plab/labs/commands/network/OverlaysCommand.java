package p2plab.labs.commands.network;

import p2plab.common.overlay.Overlay;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.Table;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;

/** {@code overlays}: the architectures this build can run. */
@Command(name = "overlays", description = "List the overlays this build can run.")
public final class OverlaysCommand extends LabCommand {

    OverlaysCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        for (String problem : lab.overlays().problems()) {
            console().error("an overlay could not be loaded and is left out: " + problem);
        }
        if (lab.overlays().all().isEmpty()) {
            println("no overlay is installed in this build");
            return;
        }
        Table t = new Table("overlay", "what it shows").wrapLast();
        for (Overlay o : lab.overlays().all()) {
            t.row(o.name(), o.description());
        }
        t.print(console());
    }
}
