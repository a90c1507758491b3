package p2plab.napster;

/**
 * How busy the index server is.
 *
 * @param alive             false while the server is down
 * @param connectedPeers    peers logged in now
 * @param indexedFiles      (peer, file) entries in the index now
 * @param messagesReceived  messages the server received since the network started
 * @param messagesSent      messages it sent
 * @param messagesPerSecond messages received per second of protocol time since the previous
 *                          reading (since the start for the first one)
 */
public record ServerLoad(boolean alive, int connectedPeers, int indexedFiles, long messagesReceived, long messagesSent,
                         double messagesPerSecond) {
}
