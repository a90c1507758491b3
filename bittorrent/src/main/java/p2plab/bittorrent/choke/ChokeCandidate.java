package p2plab.bittorrent.choke;

/**
 * One connected peer as the choker sees it.
 *
 * @param key            identifies the peer in the returned set
 * @param interested     it wants something we have
 * @param downloadRate   bytes/s we recently received from it
 * @param uploadRate     bytes/s we recently sent it
 * @param snubbed        it sent us no data for a long time although we asked
 * @param connectedNanos protocol time when it connected
 * @param unchoked       we currently let it download
 */
public record ChokeCandidate(String key, boolean interested, double downloadRate, double uploadRate, boolean snubbed,
                             long connectedNanos, boolean unchoked) {
}
