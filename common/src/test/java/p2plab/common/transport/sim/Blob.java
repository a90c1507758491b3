package p2plab.common.transport.sim;

/** A test message: a sequence number and how many bytes it takes on the wire. */
record Blob(int seq, int size) {
}
