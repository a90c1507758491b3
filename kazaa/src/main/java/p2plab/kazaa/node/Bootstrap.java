package p2plab.kazaa.node;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kazaa.wire.PeerRef;

/**
 * Where a peer finds supernodes when it knows none that answer: FastTrack clients shipped with a
 * list of supernodes and kept a cache of them; here the network plays that role. It is also told
 * of role changes, so that it only hands out running supernodes.
 */
public interface Bootstrap {

    /** Up to {@code max} running supernodes, in random order. */
    List<PeerRef> supernodes(RandomGenerator random, int max);

    /** Peer {@code self} now serves (or no longer serves) as a supernode. */
    void roleChanged(PeerRef self, boolean supernode);
}
