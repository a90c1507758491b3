package p2plab.kazaa;

import java.util.Map;
import p2plab.common.transport.Transport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * The key scenarios over real sockets on 127.0.0.1, ten times faster than real time. Searches
 * collect hits for 1 s of real time, so that a loaded machine does not cut them short.
 */
class TcpKazaaScenariosTest extends KazaaScenarios {

    @Override
    protected Transport newTransport(long seed) {
        return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withTimeScale(10));
    }

    @Override
    protected Map<String, String> transportOptions() {
        return Map.of("search-window-ms", "10000");
    }
}
