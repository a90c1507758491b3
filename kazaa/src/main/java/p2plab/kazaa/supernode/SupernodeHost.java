package p2plab.kazaa.supernode;

import java.util.List;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/** What a {@link Supernode} needs from the peer it runs in. */
public interface SupernodeHost {

    Node<KazaaMessage> node();

    PeerRef self();

    /** This peer's declared capacity, uptime as of now. */
    Candidate candidate();

    KazaaSettings settings();

    SupernodeElection election();

    /** The files this peer shares itself; a supernode indexes them with its children's. */
    List<SharedFile> sharedFiles();

    /** A hit for a search this peer asked. */
    void onOwnHit(KazaaMessage.QueryHit hit);

    /** A few running supernodes from the bootstrap, for when every known one is gone. */
    List<PeerRef> bootstrap();

    /** The supernode stepped down: become an ordinary node and attach to one of {@code supernodes}. */
    void stepDown(List<PeerRef> supernodes);

    /**
     * Sends what a remote peer can make us send in bulk (forwarded queries, hits) through the
     * link's backpressure queue: dropped and counted, not piled up, when the link is backed up.
     */
    void sendQueued(Link<KazaaMessage> link, KazaaMessage message);

    /** Something shown by {@code peer list} changed. */
    void changed();
}
