package p2plab.kademlia;

import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.Transport;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;
import p2plab.kademlia.routing.BucketPolicy;

/**
 * Kademlia, as BitTorrent's mainline DHT (BEP 5) speaks it: a distributed hash table over UDP
 * where a lookup reaches the nodes closest to a key in O(log N) hops. Found by
 * {@link java.util.ServiceLoader}.
 */
public final class KademliaOverlay implements Overlay {
    private final BucketPolicy bucketPolicy;
    private final NextHopPolicy nextHop;

    public KademliaOverlay() {
        this(BucketPolicies.bep5(), NextHopPolicy.closestFirst());
    }

    /** With a bucket rule and a next-hop rule of one's own (lab 7 passes a student's). */
    public KademliaOverlay(BucketPolicy bucketPolicy, NextHopPolicy nextHop) {
        this.bucketPolicy = bucketPolicy;
        this.nextHop = nextHop;
    }

    @Override
    public String name() {
        return "kademlia";
    }

    @Override
    public String description() {
        return "distributed hash table (BEP 5 over UDP): keys at the XOR-closest nodes, found in O(log N) hops, no server, no flood";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return KademliaNetwork.start(spec, transport, bucketPolicy, nextHop);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return KademliaNetwork.start(spec, transport, bucketPolicy, nextHop, progress);
    }
}
