package p2plab.common.transport.sim;

import p2plab.common.transport.DatagramContractTest;
import p2plab.common.transport.Transport;

/** The datagram contract, on the simulator (with the wire check on, so bytes are decoded as over UDP). */
class SimDatagramContractTest extends DatagramContractTest {

    @Override
    protected Transport newTransport(long seed) {
        return new SimTransport(SimConfig.seeded(seed).withWireCheck(true));
    }

    @Override
    protected Transport newLossyTransport(long seed, double lossRate) {
        return new SimTransport(SimConfig.seeded(seed).withWireCheck(true).withLoss(lossRate));
    }
}
