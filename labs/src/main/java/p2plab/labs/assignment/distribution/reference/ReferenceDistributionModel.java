package p2plab.labs.assignment.distribution.reference;

import p2plab.labs.assignment.distribution.DistributionModel;

/** Lab 6's reference solution: the bounds, and the bounds solved for N. */
public final class ReferenceDistributionModel implements DistributionModel {
    private static final double SLACK = 1e-9; // a deadline met exactly counts as met despite rounding

    @Override
    public double clientServer(int n, double fileBytes, double serverUpload, double minDownload) {
        return Math.max(n * fileBytes / serverUpload, fileBytes / minDownload);
    }

    @Override
    public double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload) {
        return Math.max(Math.max(fileBytes / serverUpload, fileBytes / minDownload), n * fileBytes / (serverUpload + sumPeerUpload));
    }

    @Override
    public int maxClientsClientServer(double seconds, double fileBytes, double serverUpload, double download) {
        double t = seconds * (1 + SLACK);
        if (fileBytes / download > t) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(t * serverUpload / fileBytes));
    }

    @Override
    public int maxPeersPeerToPeer(double seconds, double fileBytes, double serverUpload, double peerUpload, double download) {
        double t = seconds * (1 + SLACK);
        if (fileBytes / serverUpload > t || fileBytes / download > t) {
            return 0;
        }
        // N F / (u_s + N u) <= T  <=>  N (F - T u) <= T u_s
        double perPeerDeficit = fileBytes - t * peerUpload;
        if (perPeerDeficit <= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(t * serverUpload / perPeerDeficit));
    }
}
