package p2plab.common.transport.tcp;

import p2plab.common.transport.DatagramContractTest;
import p2plab.common.transport.Transport;

/** The datagram contract, over real UDP on 127.0.0.1. */
class UdpDatagramContractTest extends DatagramContractTest {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2));
    }

    @Override
    protected Transport newLossyTransport(long seed, double lossRate) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withDatagramLoss(lossRate));
    }
}
