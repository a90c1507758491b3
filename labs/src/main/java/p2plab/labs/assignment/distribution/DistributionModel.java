package p2plab.labs.assignment.distribution;

/**
 * Lab 6: the minimum time to distribute a file of F bytes to N peers, and what it implies.
 * Rates are bytes per second, sizes bytes, times seconds; a rate is always positive here.
 */
public interface DistributionModel {

    /** The client-server lower bound D_cs for N clients, server upload u_s and slowest download d_min. */
    double clientServer(int n, double fileBytes, double serverUpload, double minDownload);

    /** The peer-to-peer lower bound D_p2p, where {@code sumPeerUpload} is u_1 + ... + u_N. */
    double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload);

    /**
     * The most clients a server can serve within {@code seconds} (client-server), all with
     * download rate {@code download}: 0 if not even one, never unbounded.
     */
    int maxClientsClientServer(double seconds, double fileBytes, double serverUpload, double download);

    /**
     * The most peers (each uploading {@code peerUpload}, downloading {@code download}) that a P2P
     * swarm can serve within {@code seconds} by the D_p2p bound: 0 if not even one, and
     * {@link Integer#MAX_VALUE} when any number will do.
     */
    int maxPeersPeerToPeer(double seconds, double fileBytes, double serverUpload, double peerUpload, double download);
}
