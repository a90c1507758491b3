package p2plab.gnutella.message;

/**
 * Anything a Gnutella connection carries: the text frames that open it (the 0.6 handshake,
 * or an HTTP-style request and response for a download) and the binary descriptors after it.
 */
public sealed interface GnutellaMessage permits Descriptor, Handshake, GetRequest, GetResponse {
}
