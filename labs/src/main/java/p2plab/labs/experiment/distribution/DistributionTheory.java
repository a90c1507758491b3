package p2plab.labs.experiment.distribution;

/**
 * Minimum time to give a file of F bits to N peers (Kurose & Ross, after Kumar & Ross 2006).
 * Rates in bytes per second, sizes in bytes, times in seconds.
 */
public final class DistributionTheory {

    private DistributionTheory() {
    }

    /** Client-server: D_cs = max(N F / u_s, F / d_min). The server must send N copies. */
    public static double clientServer(int n, double fileBytes, double serverUpload, double minDownload) {
        return Math.max(n * fileBytes / serverUpload, fileBytes / minDownload);
    }

    /**
     * Peer-to-peer: D_p2p = max(F / u_s, F / d_min, N F / (u_s + sum u_i)). The server must send
     * one copy, the slowest peer must receive one, and all N copies must be uploaded by someone.
     */
    public static double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload) {
        return Math.max(Math.max(fileBytes / serverUpload, fileBytes / minDownload),
                n * fileBytes / (serverUpload + sumPeerUpload));
    }
}
