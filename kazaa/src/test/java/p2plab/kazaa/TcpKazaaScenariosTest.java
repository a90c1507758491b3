package p2plab.kazaa;

import p2plab.common.transport.Transport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** The key scenarios over real sockets on 127.0.0.1, ten times faster than real time. */
class TcpKazaaScenariosTest extends KazaaScenarios {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withTimeScale(10));
    }
}
