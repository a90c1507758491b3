package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/** Kademlia in the shell: create, share, search, download, dht table, dht lookup --trace, and the errors. */
class DhtCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Lab lab = new Lab(Overlays.discover(), Console.plain(new PrintWriter(out), new PrintWriter(err)));
    private final Commands commands = new Commands(lab);

    @Test
    void aStudentSessionOnKademlia() {
        assertEquals(Commands.FAILED, run("dht table 3"), "no network yet");
        ok("network create kademlia --peers 40 --k 4 --alpha 2 --seed 3");
        String table = ok("dht table 3");
        assertTrue(table.contains("(k = 4)"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("bucket 0 ")), table);

        String trace = ok("dht lookup 5 ubuntu --trace");
        assertTrue(trace.lines().filter(l -> l.contains("<- answer from")).count() >= 4, trace);
        // The lookup ends at the node truly closest to the key, among all 40.
        p2plab.common.overlay.Network net = lab.current().network();
        p2plab.kademlia.DhtView k = (p2plab.kademlia.DhtView) net;
        p2plab.kademlia.krpc.NodeId key = p2plab.kademlia.krpc.NodeId.sha1("ubuntu");
        String best = net.peers().stream().filter(p -> !p.equals(p2plab.common.overlay.PeerId.of(5))).map(p -> k.dht(p).id())
                .min((a, b) -> key.closer(a, b)).orElseThrow().shortHex();
        assertTrue(trace.contains("closest node: " + best), best + "\n" + trace);
        assertTrue(trace.contains("rounds,"), trace);

        assertEquals(Commands.USAGE, run("dht lookup 5 two words"));
        assertEquals(Commands.FAILED, run("dht lookup 5 !!!"));
        assertTrue(err.toString().contains("give one keyword"), err.toString());
    }

    @Test
    void compareRunsKademliaBesideTheOthers() {
        String table = ok("compare --overlays gnutella,kademlia --peers 40 --queries 20");
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s+gnutella\\s+kademlia\\s*")), table);
        String success = table.lines().filter(l -> l.startsWith("success rate")).findFirst().orElseThrow();
        assertTrue(success.trim().endsWith("100 %"), "every Kademlia search for a shared file finds it: " + success);
    }

    @Test
    void dhtCommandsOnAnotherOverlaySayWhatToDo() {
        ok("network create gnutella --peers 5");
        assertEquals(Commands.FAILED, run("dht table 1"));
        assertTrue(err.toString().contains("network create kademlia"), err.toString());
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
}
