package p2plab.kazaa.node;

import java.util.List;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/** What an {@link OrdinaryNode} needs from the peer it runs in. */
interface OrdinaryHost {

    Node<KazaaMessage> node();

    PeerRef self();

    Candidate candidate();

    KazaaSettings settings();

    SupernodeElection election();

    List<SharedFile> sharedFiles();

    List<PeerRef> bootstrap();

    /** Become a supernode: promoted by {@code parent} on {@code link}, or orphaned ({@code link == null}). */
    void becomeSupernode(List<PeerRef> known, Link<KazaaMessage> link);

    void changed();
}
