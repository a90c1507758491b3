package p2plab.kazaa.node;

import java.util.List;
import p2plab.common.overlay.Role;

/**
 * A peer's role and links as last published by its own thread, for the network to read from any
 * thread ({@code peer list}, {@code topology}, tests).
 *
 * @param parent     an ordinary node's supernode, or -1
 * @param backup     an ordinary node's standby supernode (option {@code backup}), or -1;
 *                   for a supernode, how many nodes keep a standby link to it
 * @param neighbours a supernode's supernode links
 * @param children   a supernode's children
 */
public record PeerStatus(Role role, int parent, int backup, List<Integer> neighbours, List<Integer> children, int shares,
                         int indexedFiles) {

    public static final PeerStatus STARTING = new PeerStatus(Role.ORDINARY_NODE, -1, -1, List.of(), List.of(), 0, 0);

    public PeerStatus {
        neighbours = List.copyOf(neighbours);
        children = List.copyOf(children);
    }

    public boolean isSupernode() {
        return role == Role.SUPERNODE;
    }
}
