package p2plab.streaming.media;

import p2plab.common.transport.Address;

/** What a node keeps per connection: who is at the other end, and what it asked us to send. */
public class Connection {
    /** The remote's listening address, once known (its Hello, or the address we dialled). */
    public Address listening;
    public final UploadQueue uploads = new UploadQueue();
    /** What we receive on it, as TCP would hand it over (listeners only; null elsewhere). */
    public TcpArrivals arrivals;

    public Connection(Address listening) {
        this.listening = listening;
    }
}
