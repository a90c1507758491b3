package p2plab.common.overlay;

import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;

/**
 * One peer as the shell shows it.
 *
 * @param neighbours peers it has an overlay link to (for an ordinary node: its supernode)
 * @param shares     how many files it shares
 * @param details    overlay-specific facts ({@code children}, {@code pieces}...), for display
 */
public record PeerInfo(PeerId id, Address address, Role role, boolean alive, List<PeerId> neighbours,
                       int shares, Map<String, String> details) {

    public PeerInfo {
        neighbours = List.copyOf(neighbours);
        details = Map.copyOf(details);
    }
}
