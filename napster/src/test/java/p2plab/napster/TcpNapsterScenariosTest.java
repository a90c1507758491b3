package p2plab.napster;

import p2plab.common.transport.Transport;
import p2plab.common.transport.tcp.TcpTransport;

/** The Napster scenarios over real sockets on 127.0.0.1. */
class TcpNapsterScenariosTest extends NapsterScenarios {

    @Override
    protected Transport newTransport() {
        return new TcpTransport();
    }
}
