package p2plab.common.transport.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.transport.ConnectFailedException;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;

/** The simulator's timing model, ordering, failures and counters, checked to the nanosecond. */
class SimTransportTest {
    private static final Duration WAIT = Duration.ofHours(1);
    private static final long LATENCY = 25_000_000L; // 25 ms

    private SimTransport sim(SimConfig config) {
        return new SimTransport(config);
    }

    private SimTransport sim() {
        return sim(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofNanos(LATENCY))));
    }

    private Link<Blob> connect(SimTransport s, Node<Blob> from, Node<Blob> to) throws TimeoutException {
        return s.await(from.connect(to.address()), WAIT);
    }

    @Test
    void fileOverAnUplinkTakesSizeOverRatePlusLatencyExactly() throws Exception {
        SimTransport s = sim();
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), rx);
        Link<Blob> link = connect(s, a, b);
        long start = s.clock().nanos();

        int messages = 0;
        for (long sent = 0; sent < 1_000_003; sent += 16_411) { // uneven block sizes on purpose
            link.send(new Blob(messages++, (int) Math.min(16_411, 1_000_003 - sent)));
        }
        s.runUntilIdle(WAIT);

        long expected = (1_000_003L * 1_000_000_000L + 999_999) / 1_000_000 + LATENCY; // ceil(F/u) + latency
        assertEquals(messages, rx.arrivals.size());
        assertEquals(start + expected, rx.arrivals.get(rx.arrivals.size() - 1).nanos());
    }

    @Test
    void aFasterDownlinkDoesNotSlowTheTransferButASlowerOneSetsThePace() throws Exception {
        for (long down : new long[] {2_000_000, 500_000}) {
            SimTransport s = sim();
            Recorder rx = new Recorder(s);
            Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
            Node<Blob> b = s.open(NodeConfig.named("b").withRates(0, down), new BlobFormat(), rx);
            Link<Blob> link = connect(s, a, b);
            long start = s.clock().nanos();
            for (int i = 0; i < 100; i++) {
                link.send(new Blob(i, 10_000));
            }
            s.runUntilIdle(WAIT);
            long bottleneck = Math.min(1_000_000, down);
            long expected = 1_000_000L * 1_000_000_000L / bottleneck + LATENCY;
            assertEquals(start + expected, rx.arrivals.get(99).nanos(), "downlink " + down);
        }
    }

    @Test
    void twoSendersShareTheReceiversDownlink() throws Exception {
        SimTransport s = sim();
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> c = s.open(NodeConfig.named("c").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b").withRates(0, 1_000_000), new BlobFormat(), rx);
        Link<Blob> ab = connect(s, a, b);
        Link<Blob> cb = connect(s, c, b);
        long start = s.clock().nanos();
        ab.send(new Blob(1, 500_000));
        cb.send(new Blob(2, 500_000));
        s.runUntilIdle(WAIT);
        // Each alone would take 0.5 s; through one 1 MB/s downlink together they take 1 s, and
        // the downlink interleaves their segments, so both finish within a segment of the end.
        long segment = SimTransport.SEGMENT_BYTES * 1_000L; // ns per segment at 1 MB/s
        assertEquals(start + 1_000_000_000L + LATENCY, rx.arrivals.get(1).nanos());
        long first = rx.arrivals.get(0).nanos();
        assertTrue(first >= start + 1_000_000_000L - segment + LATENCY && first < rx.arrivals.get(1).nanos(),
                "the first transfer ended at " + (first - start - LATENCY) + " ns: the two did not share the downlink");
    }

    /** When the tiny message and the last of the backlog arrived, from the start, and the events it took. */
    private record Backlog(long tinyAfter, long backlogAfter, long events) {
    }

    /** Node a queues 100 blocks of 10,000 B (one second at 1 MB/s) for b, then 20 bytes for c. */
    private Backlog backlogThenTinyMessage(int unit) throws Exception {
        SimTransport s = sim(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofNanos(LATENCY))).withSegmentBytes(unit));
        Recorder busy = new Recorder(s);
        Recorder quiet = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), busy);
        Node<Blob> c = s.open(NodeConfig.named("c"), new BlobFormat(), quiet);
        Link<Blob> ab = connect(s, a, b);
        Link<Blob> ac = connect(s, a, c);
        long start = s.clock().nanos();
        long before = s.eventsRun();
        for (int i = 0; i < 100; i++) {
            ab.send(new Blob(i, 10_000));
        }
        ac.send(new Blob(0, 20));
        s.runUntilIdle(WAIT);
        return new Backlog(quiet.arrivals.get(0).nanos() - start, busy.arrivals.get(99).nanos() - start, s.eventsRun() - before);
    }

    @Test
    void aSmallMessageOnAnotherConnectionDoesNotWaitBehindABacklog() throws Exception {
        Backlog r = backlogThenTinyMessage(SimTransport.SEGMENT_BYTES);
        // Round robin by segment: b's first segment on the wire, then b's turn again (it was
        // waiting first), then c's 20 bytes: 2.94 ms instead of the full second behind 100 blocks.
        long segment = SimTransport.SEGMENT_BYTES * 1_000L; // ns per segment at 1 MB/s
        assertEquals(2 * segment + 20_000L + LATENCY, r.tinyAfter());
        // b's transfer is delayed by exactly those 20 bytes.
        assertEquals(1_000_020_000L + LATENCY, r.backlogAfter());
    }

    @Test
    void aLargerSegmentInterleavesInBiggerTurnsWithFewerEventsAndTheSameTotal() throws Exception {
        Backlog tcp = backlogThenTinyMessage(SimTransport.SEGMENT_BYTES);
        Backlog blocks = backlogThenTinyMessage(10_000);
        // The tiny message goes after two units of b's backlog: two whole blocks now.
        assertEquals(2 * 10_000_000L + 20_000L + LATENCY, blocks.tinyAfter());
        assertEquals(1_000_020_000L + LATENCY, blocks.backlogAfter());
        // One uplink turn per block instead of seven.
        assertTrue(blocks.events() * 3 < tcp.events(), "events with 1,460-byte units " + tcp.events() + ", with 10,000 "
                + blocks.events());
    }

    @Test
    void aGracefulCloseDeliversWhatWasQueuedBeforeTheRemoteHearsOfIt() throws Exception {
        SimTransport s = sim();
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), rx);
        Link<Blob> link = connect(s, a, b);
        for (int i = 0; i < 10; i++) {
            link.send(new Blob(i, 10_000));
        }
        link.close();
        s.runUntilIdle(WAIT);
        assertEquals(10, rx.arrivals.size());
        assertEquals(1, rx.closed.size());
        assertTrue(rx.closed.get(0).nanos() >= rx.arrivals.get(9).nanos());
    }

    @Test
    void aCrashLosesWhatWasStillQueued() throws Exception {
        SimTransport s = sim();
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(1_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), rx);
        Link<Blob> link = connect(s, a, b);
        for (int i = 0; i < 10; i++) {
            link.send(new Blob(i, 10_000)); // 10 ms each
        }
        s.advance(Duration.ofMillis(35));   // three blocks are out, the fourth is on the wire
        a.kill();
        s.runUntilIdle(WAIT);
        assertEquals(3, rx.arrivals.size());
        assertEquals(7, s.metrics().snapshot().byPeer().get("a").dropped());
    }

    @Test
    void messagesOnOneLinkArriveInOrderWhateverTheirSizes() throws Exception {
        SimTransport s = sim(SimConfig.seeded(3).withLatency(
                LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(200), 3)));
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a").withRates(10_000_000, 0), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b").withRates(0, 3_000_000), new BlobFormat(), rx);
        Link<Blob> link = connect(s, a, b);
        for (int i = 0; i < 1000; i++) {
            link.send(new Blob(i, 8 + (i * 7919) % 50_000));
        }
        s.runUntilIdle(WAIT);
        assertEquals(1000, rx.arrivals.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, rx.arrivals.get(i).blob().seq());
        }
    }

    @Test
    void countersAreExactForAKnownExchange() throws Exception {
        SimTransport s = sim();
        Node<Blob> a = s.open(NodeConfig.named("a"), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), new Recorder(s));
        Link<Blob> link = connect(s, a, b);
        link.send(new Blob(1, 100));
        link.send(new Blob(2, 200));
        s.runUntilIdle(WAIT);

        var snap = s.metrics().snapshot();
        assertEquals(new Counts(2, 300, 0, 0, 0, 0), snap.byPeer().get("a"));
        assertEquals(new Counts(0, 0, 2, 300, 0, 0), snap.byPeer().get("b"));
        assertEquals(new Counts(2, 300, 2, 300, 0, 0), snap.byType().get("blob/Blob"));
        assertEquals(new Counts(2, 300, 2, 300, 0, 0), snap.total());
    }

    @Test
    void aCrashShowsAsAClosedLinkAfterTheFailureDetectionDelay() throws Exception {
        SimTransport s = sim(SimConfig.seeded(1).withFailureDetection(Duration.ofMillis(300)));
        Recorder survivor = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a"), new BlobFormat(), survivor);
        AtomicInteger timerRuns = new AtomicInteger();
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), new Recorder(s));
        Link<Blob> link = connect(s, a, b);
        b.clock().every(Duration.ofMillis(100), timerRuns::incrementAndGet);
        long killedAt = s.clock().nanos();

        b.kill();
        link.send(new Blob(1, 50));
        s.runUntilIdle(WAIT);

        assertFalse(b.isAlive());
        assertEquals(1, survivor.closed.size());
        assertEquals(killedAt + 300_000_000L, survivor.closed.get(0).nanos());
        assertTrue(survivor.closed.get(0).reason().contains("crashed"), survivor.closed.get(0).reason());
        assertEquals(0, timerRuns.get(), "a dead node's timers never fire");
        assertEquals(1, s.metrics().snapshot().byPeer().get("a").dropped());
        assertTrue(survivor.arrivals.isEmpty());
    }

    @Test
    void connectingToNobodyFailsAfterOneRoundTrip() {
        SimTransport s = sim();
        Node<Blob> a = s.open(NodeConfig.named("a"), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), new Recorder(s));
        b.kill();
        CompletionException e = assertThrows(CompletionException.class, () -> {
            try {
                s.await(a.connect(b.address()), WAIT);
            } catch (ConnectFailedException c) {
                throw new CompletionException(c);
            }
        });
        assertTrue(e.getCause().getMessage().contains("nobody listens"));
        assertEquals(2 * LATENCY, s.clock().nanos());
    }

    @Test
    void lossDropsMessagesAndCountsThem() throws Exception {
        SimTransport s = sim(SimConfig.seeded(5).withLoss(0.5));
        Recorder rx = new Recorder(s);
        Node<Blob> a = s.open(NodeConfig.named("a"), new BlobFormat(), new Recorder(s));
        Node<Blob> b = s.open(NodeConfig.named("b"), new BlobFormat(), rx);
        Link<Blob> link = connect(s, a, b);
        for (int i = 0; i < 2000; i++) {
            link.send(new Blob(i, 10));
        }
        s.runUntilIdle(WAIT);
        Counts sent = s.metrics().snapshot().byPeer().get("a");
        assertEquals(2000, sent.messagesSent());
        assertEquals(2000 - rx.arrivals.size(), sent.dropped());
        assertTrue(rx.arrivals.size() > 900 && rx.arrivals.size() < 1100, "about half arrive: " + rx.arrivals.size());
    }

    @Test
    void wireCheckRejectsAMalformedFrameAndClosesOnlyThatLink() throws Exception {
        SimTransport s = sim(SimConfig.seeded(1).withWireCheck(true));
        Recorder server = new Recorder(s);
        Node<Blob> srv = s.open(NodeConfig.named("srv"), new BlobFormat(), server);
        Node<Blob> bad = s.open(NodeConfig.named("bad"), new BlobFormat(), new Recorder(s));
        Node<Blob> good = s.open(NodeConfig.named("good"), new BlobFormat(), new Recorder(s));
        Link<Blob> badLink = connect(s, bad, srv);
        Link<Blob> goodLink = connect(s, good, srv);

        badLink.send(new Blob(-1, 16));
        s.runUntilIdle(WAIT);
        goodLink.send(new Blob(7, 16));
        s.runUntilIdle(WAIT);

        assertEquals(1, server.closed.size());
        assertTrue(server.closed.get(0).reason().startsWith("malformed frame from"), server.closed.get(0).reason());
        assertFalse(badLink.isOpen());
        assertTrue(goodLink.isOpen());
        assertEquals(1, server.arrivals.size());
        assertEquals(7, server.arrivals.get(0).blob().seq());
        assertEquals(1, s.metrics().snapshot().byPeer().get("srv").rejected());
    }

    @Test
    void awaitGivesUpWhenNothingIsLeftToHappen() {
        SimTransport s = sim();
        assertThrows(TimeoutException.class, () -> s.await(new java.util.concurrent.CompletableFuture<>(), WAIT));
    }

    @Test
    void advanceMovesVirtualTimeAndRunsTimersOnTheWay() {
        SimTransport s = sim();
        Node<Blob> a = s.open(NodeConfig.named("a"), new BlobFormat(), new Recorder(s));
        AtomicInteger ticks = new AtomicInteger();
        a.clock().every(Duration.ofSeconds(10), ticks::incrementAndGet);
        s.advance(Duration.ofSeconds(35));
        assertEquals(3, ticks.get());
        assertEquals(35_000_000_000L, s.clock().nanos());
    }

    @Test
    void revivedLabelComesBackAtTheSameAddress() {
        SimTransport s = sim();
        Node<Blob> a = s.open(NodeConfig.named("p1"), new BlobFormat(), new Recorder(s));
        a.kill();
        Node<Blob> again = s.open(NodeConfig.named("p1"), new BlobFormat(), new Recorder(s));
        assertEquals(a.address(), again.address());
        assertTrue(again.address().host().startsWith("127."));
    }
}
