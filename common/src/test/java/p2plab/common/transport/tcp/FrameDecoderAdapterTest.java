package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.transport.Address;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.TransportContractTest.Recorder;

/** The decoder adapter alone, fed by hand through an {@link EmbeddedChannel}. */
class FrameDecoderAdapterTest {
    private final TestFormat format = new TestFormat(1024);
    private final TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(1));
    private final TcpNode<TestMessage> node =
            (TcpNode<TestMessage>) transport.open(NodeConfig.named("n"), format, new Recorder());

    @AfterEach
    void close() {
        transport.close();
    }

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        TcpLink<TestMessage> link = new TcpLink<>(node, ch, new Address("127.0.0.1", 9), false);
        ch.pipeline().addLast(new FrameDecoderAdapter<>(link, format.newDecoder(), 4096));
        return ch;
    }

    @Test
    void framesSplitAcrossReadsAndPackedIntoOneAreBothDecoded() {
        EmbeddedChannel ch = channel();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            stream.writeBytes(format.encode(TestMessage.of("ping", "m" + i)));
        }
        byte[] bytes = stream.toByteArray();

        for (byte b : bytes) {  // one byte at a time: every frame arrives in pieces
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        ch.writeInbound(Unpooled.wrappedBuffer(bytes)); // then all five in one read

        for (int i = 0; i < 10; i++) {
            assertEquals("m" + (i % 5), ch.<TestMessage>readInbound().text());
        }
        assertNull(ch.readInbound());
        Counts counts = transport.metrics().peer("n").get("test/ping");
        assertEquals(new Counts(0, 0, 10, 2L * bytes.length, 0, 0), counts);
    }

    @Test
    void aMalformedFrameClosesTheChannelAfterTheGoodOnes() {
        EmbeddedChannel ch = channel();
        byte[] good = format.encode(TestMessage.of("pong", "ok"));
        byte[] bad = {0, 0, 0, 1, 42};
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);

        ch.writeInbound(Unpooled.wrappedBuffer(both));

        assertEquals("ok", ch.<TestMessage>readInbound().text());
        assertFalse(ch.isOpen());
        assertEquals(1, transport.metrics().peer("n").get("rejected").rejected());
    }

    @Test
    void tooManyBytesWithoutAFrameAreRejected() {
        EmbeddedChannel ch = channel();
        byte[] header = {0, 0, 3, 0x20}; // announces 800 bytes: allowed by the format (1024)
        ch.writeInbound(Unpooled.wrappedBuffer(header));
        assertTrue(ch.isOpen(), "an incomplete frame below the cap just waits");

        EmbeddedChannel capped = new EmbeddedChannel();
        TcpLink<TestMessage> link = new TcpLink<>(node, capped, new Address("127.0.0.1", 9), false);
        capped.pipeline().addLast(new FrameDecoderAdapter<>(link, format.newDecoder(), 100));
        capped.writeInbound(Unpooled.wrappedBuffer(header), Unpooled.wrappedBuffer(new byte[200]));

        assertFalse(capped.isOpen());
        assertEquals(1, transport.metrics().peer("n").get("rejected").rejected());
    }
}
