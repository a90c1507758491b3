package distribution;

import p2plab.labs.assignment.distribution.DistributionModel;

/**
 * Lab 6: distribution time, client-server vs peer-to-peer. Read docs/labs/lab6-distribution.md,
 * then replace every TODO. Grade it with `./p2plab grade distribution`.
 */
public class StudentDistributionModel implements DistributionModel {

    @Override
    public double clientServer(int n, double fileBytes, double serverUpload, double minDownload) {
        throw new UnsupportedOperationException("TODO: D_cs");
    }

    @Override
    public double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload) {
        throw new UnsupportedOperationException("TODO: D_p2p");
    }

    @Override
    public int maxClientsClientServer(double seconds, double fileBytes, double serverUpload, double download) {
        throw new UnsupportedOperationException("TODO: solve D_cs <= T for N");
    }

    @Override
    public int maxPeersPeerToPeer(double seconds, double fileBytes, double serverUpload, double peerUpload, double download) {
        throw new UnsupportedOperationException("TODO: solve D_p2p <= T for N");
    }
}
