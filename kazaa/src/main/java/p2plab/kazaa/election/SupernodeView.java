package p2plab.kazaa.election;

import java.util.List;

/**
 * What one supernode knows when it reviews its role: itself, its children, and the load its
 * supernode neighbours last reported. No supernode sees the whole network, so every decision
 * is made on this local view.
 */
public record SupernodeView(Candidate self, List<Candidate> children, List<Load> neighbours, ElectionParams params) {

    public SupernodeView {
        children = List.copyOf(children);
        neighbours = List.copyOf(neighbours);
    }

    /** A neighbouring supernode and how many children it reported. */
    public record Load(int id, int children) {
    }
}
