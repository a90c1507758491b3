package p2plab.kademlia;

import p2plab.common.transport.Transport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** The acceptance over real UDP on 127.0.0.1 (a loopback round trip takes well under the 1 s timeout, even on a loaded machine). */
class UdpLookupAcceptanceTest extends LookupAcceptanceTest {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2));
    }

    @Override
    protected String queryTimeoutMillis() {
        return "1000";
    }
}
