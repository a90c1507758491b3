package p2plab.labs.commands.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import p2plab.common.overlay.Topology;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.report.Dot;
import p2plab.labs.report.TopologySummary;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topology [--dot FILE]}: degrees, roles and diameter, and a Graphviz drawing. */
@Command(name = "topology", description = "Summarise the overlay graph (degrees, roles, diameter); --dot writes it for Graphviz.")
public final class TopologyCommand extends LabCommand {

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the graph in Graphviz DOT (render with `dot -Tsvg FILE`).")
    Path dotFile;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    TopologyCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        Topology t = n.network().topology();
        TopologySummary s = TopologySummary.of(t);
        if (dotFile != null) {
            if (Files.isDirectory(dotFile)) {
                throw new LabException(dotFile + " is a folder; give a file name, e.g. " + dotFile.resolve(n.name() + ".dot"));
            }
            try {
                Files.writeString(dotFile, Dot.of(n.name(), t));
            } catch (IOException e) {
                throw new LabException("cannot write " + dotFile + " (" + why(e) + "); check the folder exists and is writable");
            }
        }
        if (json) {
            printJson(s);
            return;
        }
        println(n.name() + ": " + s.peers() + " peers, " + s.alive() + " up, " + s.links() + " links");
        println("degree: min " + s.minDegree() + ", mean " + fmt2(s.meanDegree()) + ", max " + s.maxDegree()
                + "   diameter: " + s.diameter() + "   components: " + s.components());
        println("roles: " + s.roles().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (dotFile != null) {
            println("wrote " + dotFile + " (render: dot -Tsvg " + dotFile + " -o graph.svg)");
        }
    }
}
