package p2plab.labs.commands.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.common.bencode.Bencode;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * {@code dht node}: a standalone DHT node on real UDP answers KRPC from anyone, a second node
 * joins through it, {@code dht node stop} closes the port, and bad input gets one line.
 */
@Timeout(60)
class DhtNodeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("DHT node ([0-9a-f]{40}) listening on (127\\.0\\.0\\.1):(\\d+) \\(UDP\\)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Lab lab = new Lab(Overlays.discover(), Console.plain(new PrintWriter(out, true), new PrintWriter(err, true)));
    private final Commands commands = new Commands(lab);

    @AfterEach
    void stopAll() {
        run("dht node stop");
    }

    @Test
    void aNodeAnswersPingOverUdpAndASecondNodeJoinsThroughIt() throws Exception {
        Matcher first = listening(ok("dht node --background"));
        int port = Integer.parseInt(first.group(3));
        Map<String, Object> pong = ping(port);
        assertEquals("r", text(pong.get("y")), "a ping gets a response: " + pong);
        assertEquals(first.group(1), HexFormat.of().formatHex(bytes(Bencode.dict(pong.get("r"), "r").get("id"))),
                "the node answers with the id it printed");

        String second = ok("dht node --bootstrap 127.0.0.1:" + port + " --background");
        assertTrue(second.contains("joined through 127.0.0.1:" + port + ": 1 node in the routing table"), second);
        int secondPort = Integer.parseInt(listening(second).group(3));

        String stopped = ok("dht node stop " + port);
        assertTrue(stopped.contains("stopped the DHT node at 127.0.0.1:" + port), stopped);
        assertNull(pingOrNull(port), "a stopped node no longer answers");
        assertEquals("r", text(ping(secondPort).get("y")), "the other node still runs");
    }

    @Test
    void badInputGetsOneLineThatSaysWhatToDo() {
        failsWith("dht node --bootstrap nonsense", "--bootstrap needs HOST:PORT");
        failsWith("dht node --port 70000", "--port must be between 0 and 65535");
        failsWith("dht node stop", "no dht node is running in this session; start one with `dht node`");
        int nobody = 1; // nothing answers KRPC on port 1
        failsWith("dht node --bootstrap 127.0.0.1:" + nobody, "no DHT node answered at 127.0.0.1:1");
        assertEquals(Commands.USAGE, run("dht node --no-such-option"));
    }

    private Matcher listening(String output) {
        Matcher m = LISTENING.matcher(output);
        assertTrue(m.find(), output);
        return m;
    }

    private static Map<String, Object> ping(int port) throws Exception {
        Map<String, Object> answer = pingOrNull(port);
        assertTrue(answer != null, "no answer to a ping on 127.0.0.1:" + port);
        return answer;
    }

    /** A KRPC ping (BEP 5) sent by hand from a plain UDP socket; null when nothing answers within a second. */
    private static Map<String, Object> pingOrNull(int port) throws Exception {
        byte[] query = "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe".getBytes(StandardCharsets.ISO_8859_1);
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            udp.setSoTimeout(1000);
            udp.send(new DatagramPacket(query, query.length, InetAddress.getByName("127.0.0.1"), port));
            DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
            udp.receive(reply);
            return Bencode.dict(Bencode.decode(Arrays.copyOf(reply.getData(), reply.getLength())), "reply");
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] b ? b : ((String) o).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(Object o) {
        return new String(bytes(o), StandardCharsets.ISO_8859_1);
    }

    private int run(String line) {
        return commands.execute(List.of(line.split(" ")));
    }

    private String ok(String line) {
        int before = out.toString().length();
        int code = run(line);
        assertEquals(Commands.OK, code, line + " failed: " + err);
        return out.toString().substring(before);
    }

    private void failsWith(String line, String what) {
        int before = err.toString().length();
        assertEquals(Commands.FAILED, run(line), line);
        String e = err.toString().substring(before).strip();
        assertEquals(1, e.lines().count(), line + ": " + e);
        assertTrue(e.contains(what), line + " should say '" + what + "': " + e);
    }
}
