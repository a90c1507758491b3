package p2plab.gnutella;

import p2plab.common.transport.Transport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** The shared scenarios over real sockets on 127.0.0.1; protocol time runs 10x faster than the wall clock. */
class GnutellaOnTcpTest extends GnutellaScenarios {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withTimeScale(10));
    }
}
