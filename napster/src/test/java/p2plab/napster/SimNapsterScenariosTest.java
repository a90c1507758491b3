package p2plab.napster;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;

/** The Napster scenarios in simulation (10 ms links, crashes seen after 1 s). */
class SimNapsterScenariosTest extends NapsterScenarios {

    @Override
    protected Transport newTransport() {
        return SimTransport.withSeed(3);
    }
}
