package p2plab.common.transport.sim;

import p2plab.common.transport.Transport;
import p2plab.common.transport.TransportContractTest;

/** The transport contract, on the simulator. */
class SimTransportContractTest extends TransportContractTest {

    @Override
    protected Transport newTransport(long seed) {
        return SimTransport.withSeed(seed);
    }
}
