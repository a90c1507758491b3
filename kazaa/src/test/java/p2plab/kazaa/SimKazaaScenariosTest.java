package p2plab.kazaa;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;

/** The key scenarios in simulation, with wire checks on (every message goes through the codec). */
class SimKazaaScenariosTest extends KazaaScenarios {

    @Override
    protected Transport newTransport(long seed) {
        return new SimTransport(p2plab.common.transport.sim.SimConfig.seeded(seed).withWireCheck(true));
    }
}
