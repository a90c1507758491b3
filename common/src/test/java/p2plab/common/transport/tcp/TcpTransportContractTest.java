package p2plab.common.transport.tcp;

import p2plab.common.transport.Transport;
import p2plab.common.transport.TransportContractTest;

/** The shared transport contract, over real sockets on 127.0.0.1. */
class TcpTransportContractTest extends TransportContractTest {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2));
    }
}
