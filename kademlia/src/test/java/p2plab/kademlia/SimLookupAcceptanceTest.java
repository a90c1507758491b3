package p2plab.kademlia;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;

/** The acceptance on the simulator (10 ms links, virtual time). */
class SimLookupAcceptanceTest extends LookupAcceptanceTest {

    @Override
    protected Transport newTransport(long seed) {
        return SimTransport.withSeed(seed);
    }

    @Override
    protected String queryTimeoutMillis() {
        return "2000";
    }
}
