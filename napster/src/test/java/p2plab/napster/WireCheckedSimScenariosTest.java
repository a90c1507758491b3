package p2plab.napster;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/** The scenarios again with every message encoded and decoded on the way, as over TCP. */
class WireCheckedSimScenariosTest extends NapsterScenarios {

    @Override
    protected Transport newTransport() {
        return new SimTransport(SimConfig.seeded(9).withWireCheck(true));
    }
}
