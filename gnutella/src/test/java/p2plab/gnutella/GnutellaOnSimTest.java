package p2plab.gnutella;

import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/** The shared scenarios in simulation, every message round-tripped through the codec as TCP would. */
class GnutellaOnSimTest extends GnutellaScenarios {

    @Override
    protected Transport newTransport(long seed) {
        return new SimTransport(SimConfig.seeded(seed).withWireCheck(true));
    }
}
