package p2plab.bittorrent.wire;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link PeerWireFormat} (docs/fuzzing.md). A connection's bytes from
 * a hostile peer decode to messages or close the link with a reason, never anything else.
 */
class PeerWireFormatFuzzTest {
    private static final PeerWireFormat FORMAT = new PeerWireFormat();

    /** Any bytes as a connection's stream: the handshake, then messages. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] stream) {
        DecoderFuzzing.decodeChecked(FORMAT, stream);
    }

    /** decode(encode(x)) == x for every message type, after the handshake that opens a connection. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        PeerMessage handshake = new PeerMessage.Handshake(fixed(in, 8), fixed(in, 20), fixed(in, 20));
        PeerMessage m = switch (in.consumeInt(0, 11)) {
            case 0 -> new PeerMessage.KeepAlive();
            case 1 -> new PeerMessage.Choke();
            case 2 -> new PeerMessage.Unchoke();
            case 3 -> new PeerMessage.Interested();
            case 4 -> new PeerMessage.NotInterested();
            case 5 -> new PeerMessage.Have(in.consumeInt());
            case 6 -> new PeerMessage.Bitfield(in.consumeBytes(in.consumeInt(0, 512)));
            case 7 -> new PeerMessage.Request(in.consumeInt(), in.consumeInt(), in.consumeInt());
            case 8 -> new PeerMessage.Piece(in.consumeInt(), in.consumeInt(), in.consumeBytes(in.consumeInt(0, 16 * 1024)));
            case 9 -> new PeerMessage.Cancel(in.consumeInt(), in.consumeInt(), in.consumeInt());
            case 10 -> new PeerMessage.Port(in.consumeInt(0, 65535));
            default -> new PeerMessage.Other(in.consumeInt(10, 255), in.consumeBytes(in.consumeInt(0, 512)));
        };
        DecoderFuzzing.assertRoundTrip(FORMAT, handshake, m);
    }

    private static byte[] fixed(FuzzedDataProvider in, int n) {
        return Arrays.copyOf(in.consumeBytes(n), n);
    }
}
