package p2plab.labs.report;

import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.Topology;

/**
 * The overlay graph in Graphviz DOT ({@code dot -Tsvg net.dot > net.svg}): one node per peer,
 * labelled with its id and role, servers and supernodes drawn as boxes, dead peers dashed.
 */
public final class Dot {
    private Dot() {
    }

    public static String of(String name, Topology t) {
        StringBuilder b = new StringBuilder("graph \"").append(name.replace("\"", "'")).append("\" {\n");
        b.append("  node [shape=ellipse, fontname=\"Helvetica\"];\n");
        for (PeerInfo p : t.peers()) {
            b.append("  p").append(p.id().value()).append(" [label=\"").append(p.id()).append("\\n").append(p.role()).append('"');
            if (p.role() == Role.INDEX_SERVER || p.role() == Role.SUPERNODE || p.role() == Role.TRACKER) {
                b.append(", shape=box");
            }
            if (!p.alive()) {
                b.append(", style=dashed, color=gray");
            }
            b.append("];\n");
        }
        for (Topology.Edge e : t.edges()) {
            b.append("  p").append(e.a().value()).append(" -- p").append(e.b().value()).append(";\n");
        }
        return b.append("}\n").toString();
    }
}
