package p2plab.kazaa.wire;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link KazaaFormat} (docs/fuzzing.md): length-prefixed frames from a
 * hostile peer decode to valid messages or close the link with a reason.
 */
class KazaaFormatFuzzTest {
    private static final KazaaFormat FORMAT = new KazaaFormat();

    /** Any bytes as one connection's stream. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] stream) {
        DecoderFuzzing.decodeChecked(FORMAT, stream);
    }

    /** decode(encode(x)) == x for every message type. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        KazaaMessage m = switch (in.consumeInt(0, 10)) {
            case 0 -> new KazaaMessage.Attach(peer(in), natural(in), natural(in),
                    in.consumeBoolean(), natural(in), in.consumeBoolean());
            case 1 -> new KazaaMessage.AttachAck(in.consumeBoolean(), peers(in));
            case 2 -> {
                List<SharedFile> files = new ArrayList<>();
                for (int n = in.consumeInt(0, 5); n > 0; n--) {
                    files.add(file(in));
                }
                yield new KazaaMessage.FileList(files);
            }
            case 3 -> new KazaaMessage.Query(new Guid(in.consumeLong(), in.consumeLong()), in.consumeInt(0, 255), in.consumeInt(0, 255),
                    "k" + text(in));
            case 4 -> {
                List<FoundFile> found = new ArrayList<>();
                for (int n = in.consumeInt(0, 5); n > 0; n--) {
                    found.add(new FoundFile(peer(in), file(in)));
                }
                yield new KazaaMessage.QueryHit(new Guid(in.consumeLong(), in.consumeLong()), in.consumeInt(0, 255), peer(in), found);
            }
            case 5 -> new KazaaMessage.SupernodeHello(peer(in), (int) (natural(in) >>> 32), peers(in));
            case 6 -> new KazaaMessage.RoleChange(in.pickValue(KazaaMessage.RoleChange.Change.values()), peers(in));
            case 7 -> new KazaaMessage.RefreshList(in.consumeBoolean(), peers(in));
            case 8 -> new KazaaMessage.DownloadRequest(content(in), natural(in), in.consumeInt(0, KazaaFormat.CHUNK));
            case 9 -> {
                byte[] bytes = in.consumeBytes(in.consumeInt(0, KazaaFormat.CHUNK));
                long offset = in.consumeLong(0, 1L << 40);
                yield new KazaaMessage.DownloadData(content(in), offset, offset + bytes.length + in.consumeLong(0, 1L << 40), bytes);
            }
            default -> new KazaaMessage.DownloadRefused(content(in), text(in));
        };
        DecoderFuzzing.assertRoundTrip(FORMAT, m);
    }

    private static List<PeerRef> peers(FuzzedDataProvider in) {
        List<PeerRef> peers = new ArrayList<>();
        for (int n = in.consumeInt(0, 5); n > 0; n--) {
            peers.add(peer(in));
        }
        return peers;
    }

    private static PeerRef peer(FuzzedDataProvider in) {
        return new PeerRef((int) (natural(in) >>> 32), new Address("h" + text(in), in.consumeInt(0, 65535)));
    }

    private static SharedFile file(FuzzedDataProvider in) {
        return new SharedFile("f" + text(in), natural(in), content(in));
    }

    private static ContentId content(FuzzedDataProvider in) {
        return ContentId.of(Arrays.copyOf(in.consumeBytes(32), 32));
    }

    private static String text(FuzzedDataProvider in) {
        return new String(in.consumeBytes(in.consumeInt(0, 40)), StandardCharsets.UTF_8);
    }

    /** A long >= 0; masked, since consumeLong(0, Long.MAX_VALUE) handed out negatives when fuzzing. */
    private static long natural(FuzzedDataProvider in) {
        return in.consumeLong() & Long.MAX_VALUE;
    }
}
