package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;

class HandshakeRoundsTest {

    @Test
    void aLineIsWiredInTwoRounds() {
        List<List<HandshakeRounds.Dials>> rounds = HandshakeRounds.of(Topologies.line(6));
        assertEquals(List.of("0>1 2>3 4>5", "1>2 3>4"), rounds.stream().map(HandshakeRoundsTest::describe).toList());
    }

    @Test
    void aStarIsOneRoundOfTheCentresDials() {
        List<List<HandshakeRounds.Dials>> rounds = HandshakeRounds.of(Topologies.tree(6, 5));
        assertEquals(List.of("0>1,2,3,4,5"), rounds.stream().map(HandshakeRoundsTest::describe).toList());
    }

    @Test
    void everyEdgeOnceAndNoServentAnswersTwiceOrAnswersAndDialsInARound() {
        for (Graph g : List.of(Topologies.randomRegular(500, 4, 3), Topologies.barabasiAlbert(2_000, 2, 5),
                Topologies.erdosRenyi(300, 6, 9), Topologies.grid(100), Topologies.ring(7))) {
            Set<Long> seen = new HashSet<>();
            for (List<HandshakeRounds.Dials> round : HandshakeRounds.of(g)) {
                Set<Integer> answering = new HashSet<>();
                Set<Integer> dialling = new HashSet<>();
                for (HandshakeRounds.Dials d : round) {
                    assertTrue(dialling.add(d.opener()), "one entry per opener");
                    for (int b : d.acceptors()) {
                        assertTrue(d.opener() < b && g.hasEdge(d.opener(), b));
                        assertTrue(answering.add(b), b + " answers twice in a round");
                        assertTrue(seen.add((long) d.opener() * g.size() + b), "edge wired twice");
                    }
                }
                answering.retainAll(dialling);
                assertTrue(answering.isEmpty(), "answers and dials in one round: " + answering);
            }
            assertEquals(g.edgeCount(), seen.size());
        }
    }

    @Test
    void anAnswererOfMoreThan64HandshakesSpillsIntoLaterRounds() {
        // node 70 is the higher end of 70 edges: it answers one a round, 70 rounds
        Graph.Builder star = new Graph.Builder(71);
        for (int i = 0; i < 70; i++) {
            star.edge(i, 70);
        }
        List<List<HandshakeRounds.Dials>> rounds = HandshakeRounds.of(star.build());
        assertEquals(70, rounds.size());
        assertEquals("0>70", describe(rounds.get(0)));
        assertEquals("69>70", describe(rounds.get(69)));
    }

    /** A round as "0>1 2>3,5". */
    private static String describe(List<HandshakeRounds.Dials> round) {
        List<String> parts = new java.util.ArrayList<>();
        for (HandshakeRounds.Dials d : round) {
            parts.add(d.opener() + ">" + String.join(",", java.util.Arrays.stream(d.acceptors()).mapToObj(Integer::toString).toList()));
        }
        return String.join(" ", parts);
    }
}
