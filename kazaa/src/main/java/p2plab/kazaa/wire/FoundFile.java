package p2plab.kazaa.wire;

/** One answer inside a query hit: the file, and the peer that holds it (to download from directly). */
public record FoundFile(PeerRef holder, SharedFile file) {

    public FoundFile {
        if (holder == null || file == null) {
            throw new IllegalArgumentException("a found file needs a holder and a file");
        }
    }
}
