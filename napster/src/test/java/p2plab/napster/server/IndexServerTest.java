package p2plab.napster.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.common.time.Clock;
import p2plab.common.time.VirtualClock;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.InvertedIndex;
import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.NapMessage;

/** The server's state machine driven by hand, without a transport: what it answers to each request. */
class IndexServerTest {
    private static final String HASH = "0f".repeat(32);
    private final VirtualClock clock = new VirtualClock();
    private IndexServer server;

    @BeforeEach
    void setUp() {
        server = new IndexServer(new InvertedIndex(), ServerSettings.DEFAULTS);
        server.bind(new FakeNode(clock));
        server.start();
    }

    private FakeLink connect(String host) {
        FakeLink link = new FakeLink(new Address(host, 6000));
        server.onConnected(link);
        return link;
    }

    private FakeLink login(String nick, String host) {
        FakeLink link = connect(host);
        server.onMessage(link, new NapMessage.Login(nick, "x", 6600, "test", 0));
        assertEquals(new NapMessage.LoginAck(nick + "@p2plab"), link.sent.remove(0));
        return link;
    }

    @Test
    void malformedFrameIsAnsweredWithAnErrorMessageAndTheConnectionStays() {
        FakeLink link = login("p1", "127.0.0.2");
        server.onMessage(link, new NapMessage.Invalid(100, "malformed Share (100): missing field", false));
        NapMessage.ErrorMessage error = assertInstanceOf(NapMessage.ErrorMessage.class, link.sent.get(0));
        assertTrue(error.text().startsWith("malformed Share (100): missing field"), error.text());
        assertTrue(link.open);
    }

    @Test
    void oversizedFrameIsAnsweredThenTheConnectionIsClosed() {
        FakeLink link = login("p1", "127.0.0.2");
        server.onMessage(link, new NapMessage.Invalid(200, "Search frame of 5000 bytes exceeds its limit of 2048 bytes", true));
        assertInstanceOf(NapMessage.ErrorMessage.class, link.sent.get(0));
        assertFalse(link.open);
    }

    @Test
    void requestsBeforeLoginAreRefused() {
        FakeLink link = connect("127.0.0.2");
        server.onMessage(link, new NapMessage.Search("x.1", "a", 10));
        NapMessage.ErrorMessage error = assertInstanceOf(NapMessage.ErrorMessage.class, link.sent.get(0));
        assertTrue(error.text().contains("log in first"), error.text());
        assertEquals(0, server.connectedPeers());
    }

    @Test
    void searchAnswersResultsThenEndAndDownloadRequestPointsAtTheHolder() {
        FakeLink holder = login("p1", "127.0.0.2");
        server.onMessage(holder, new NapMessage.Share("Quartz Night.mp3", HASH, 77));
        FakeLink asker = login("p2", "127.0.0.3");
        server.onMessage(asker, new NapMessage.Search("p2.1", "night quartz", 100));
        assertEquals(List.of(new NapMessage.SearchResult("p2.1", "Quartz Night.mp3", HASH, 77, "p1", "127.0.0.2", 0),
                new NapMessage.SearchEnd("p2.1")), asker.sent);
        asker.sent.clear();
        server.onMessage(asker, new NapMessage.DownloadRequest("p1", "Quartz Night.mp3"));
        server.onMessage(asker, new NapMessage.DownloadRequest("p1", "Other.mp3"));
        assertEquals(List.of(new NapMessage.DownloadAck("p1", "127.0.0.2", 6600, "Quartz Night.mp3", HASH, 0),
                new NapMessage.GetError("p1", "Other.mp3")), asker.sent);
    }

    @Test
    void aSessionSharesAtMostMaxSharedFilesAndIsToldWhenAShareIsRefused() {
        server = new IndexServer(new InvertedIndex(), new ServerSettings(100, Duration.ofSeconds(30), 3));
        server.bind(new FakeNode(clock));
        FakeLink p1 = login("p1", "127.0.0.2");
        for (int i = 1; i <= 4; i++) {
            server.onMessage(p1, new NapMessage.Share("song " + i + ".mp3", HASH, i));
        }

        NapMessage.ErrorMessage refused = assertInstanceOf(NapMessage.ErrorMessage.class, p1.sent.remove(0));
        assertTrue(refused.text().contains("\"song 4.mp3\" refused") && refused.text().contains("at most 3 files"), refused.text());
        assertEquals(List.of(), p1.sent, "one error, for the one refused share");
        assertEquals(3, server.indexedFiles());
        assertEquals(1, server.sharesRefused());
        assertTrue(p1.open, "the peer stays logged in");

        server.onMessage(p1, new NapMessage.Share("song 2.mp3", HASH, 22)); // a new version of a shared file: no new entry
        server.onMessage(p1, new NapMessage.Unshare("song 1.mp3"));
        server.onMessage(p1, new NapMessage.Share("song 4.mp3", HASH, 4));
        assertEquals(List.of(), p1.sent);
        assertEquals(3, server.indexedFiles());
        FakeLink p2 = login("p2", "127.0.0.3");
        server.onMessage(p2, new NapMessage.Share("song 5.mp3", HASH, 5)); // the cap is per session
        assertEquals(4, server.indexedFiles());
    }

    @Test
    void anIndexThatHandsOutCopiesStillGetsEveryResultButNoneOfALeftPeer() {
        // The server answers from the results it encoded at each (holder, file) pair's first hit,
        // found by the entry; a student's index may return copies, and that must not matter.
        CopyingIndex index = new CopyingIndex();
        server = new IndexServer(index, ServerSettings.DEFAULTS);
        server.bind(new FakeNode(clock));
        FakeLink holder = login("p1", "127.0.0.2");
        FakeLink gone = login("p3", "127.0.0.4");
        server.onMessage(holder, new NapMessage.Share("Quartz Night.mp3", HASH, 77));
        server.onMessage(gone, new NapMessage.Share("Quartz Day.mp3", HASH, 78));
        index.keepLeavers = true; // and it forgets to drop p3's files: they must not be served either
        server.onClosed(gone, "connection lost");
        FakeLink asker = login("p2", "127.0.0.3");
        server.onMessage(asker, new NapMessage.Search("p2.1", "quartz", 100));
        assertEquals(List.of(new NapMessage.SearchResult("p2.1", "Quartz Night.mp3", HASH, 77, "p1", "127.0.0.2", 0),
                new NapMessage.SearchEnd("p2.1")), asker.sent);
    }

    @Test
    void holdersOfOneFileShareItsRecordButEachHitNamesItsOwnHolder() {
        FakeLink p1 = login("p1", "127.0.0.2");
        FakeLink p3 = login("p3", "127.0.0.4");
        server.onMessage(p1, new NapMessage.Share("Quartz Night.mp3", HASH, 77));
        server.onMessage(p3, new NapMessage.Share("Quartz Night.mp3", HASH, 77));
        FakeLink asker = login("p2", "127.0.0.3");
        server.onMessage(asker, new NapMessage.Search("p2.1", "quartz", 100));
        assertEquals(List.of(new NapMessage.SearchResult("p2.1", "Quartz Night.mp3", HASH, 77, "p1", "127.0.0.2", 0),
                new NapMessage.SearchResult("p2.1", "Quartz Night.mp3", HASH, 77, "p3", "127.0.0.4", 0),
                new NapMessage.SearchEnd("p2.1")), asker.sent);
        asker.sent.clear();

        server.onMessage(p1, new NapMessage.Share("Quartz Night.mp3", HASH, 78)); // p1's copy changed: only p1's hit changes
        server.onMessage(asker, new NapMessage.Search("p2.2", "quartz", 100));
        assertEquals(List.of(new NapMessage.SearchResult("p2.2", "Quartz Night.mp3", HASH, 77, "p3", "127.0.0.4", 0),
                new NapMessage.SearchResult("p2.2", "Quartz Night.mp3", HASH, 78, "p1", "127.0.0.2", 0),
                new NapMessage.SearchEnd("p2.2")), asker.sent);
        asker.sent.clear();

        server.onClosed(p3, "connection lost");
        server.onMessage(asker, new NapMessage.Search("p2.3", "quartz", 100));
        assertEquals(List.of(new NapMessage.SearchResult("p2.3", "Quartz Night.mp3", HASH, 78, "p1", "127.0.0.2", 0),
                new NapMessage.SearchEnd("p2.3")), asker.sent);
    }

    /** An index that returns fresh copies of its records, and can be told to forget removals. */
    private static final class CopyingIndex implements IndexStore {
        private final InvertedIndex inner = new InvertedIndex();
        boolean keepLeavers;

        @Override
        public void register(String peer, SharedFile file) {
            inner.register(peer, file);
        }

        @Override
        public boolean unregister(String peer, String fileName) {
            return inner.unregister(peer, fileName);
        }

        @Override
        public List<IndexEntry> search(List<String> keywords, int maxResults) {
            return inner.search(keywords, maxResults).stream()
                    .map(e -> new IndexEntry(e.peer(), new SharedFile(e.file().name(), e.file().id(), e.file().size())))
                    .toList();
        }

        @Override
        public int removePeer(String peer) {
            return keepLeavers ? 0 : inner.removePeer(peer);
        }

        @Override
        public int size() {
            return inner.size();
        }
    }

    @Test
    void resultCapIsTheSmallerOfTheClientsAndTheServers() {
        FakeLink holder = login("p1", "127.0.0.2");
        for (int i = 0; i < 150; i++) {
            server.onMessage(holder, new NapMessage.Share("song " + i + ".mp3", HASH, i));
        }
        server.onMessage(holder, new NapMessage.Search("p1.1", "song", 7));
        assertEquals(7 + 1, holder.sent.size());
        holder.sent.clear();
        server.onMessage(holder, new NapMessage.Search("p1.2", "song", 1000));
        assertEquals(100 + 1, holder.sent.size());
    }

    @Test
    void closedConnectionTakesThePeersFilesOutOfTheIndex() {
        FakeLink holder = login("p1", "127.0.0.2");
        server.onMessage(holder, new NapMessage.Share("a.mp3", HASH, 1));
        assertEquals(1, server.indexedFiles());
        server.onClosed(holder, "connection lost");
        assertEquals(0, server.indexedFiles());
        assertEquals(0, server.connectedPeers());
    }

    @Test
    void aSecondLoginWithTheSameNickReplacesTheGhost() {
        FakeLink old = login("p1", "127.0.0.2");
        server.onMessage(old, new NapMessage.Share("a.mp3", HASH, 1));
        FakeLink fresh = login("p1", "127.0.0.2");
        assertFalse(old.open);
        assertEquals(1, server.connectedPeers());
        assertEquals(0, server.indexedFiles(), "the new session shares again itself");
        server.onClosed(old, "closed");
        assertEquals(1, server.connectedPeers(), "closing the ghost does not log the new session out");
        assertTrue(fresh.open);
    }

    @Test
    void aConnectionThatDoesNotLogInWithinTheHeartbeatTimeoutIsClosed() {
        FakeLink silent = connect("127.0.0.2");
        clock.advanceTo(Duration.ofSeconds(10).toNanos());
        FakeLink chatty = connect("127.0.0.3");
        FakeLink member = connect("127.0.0.4");
        server.onMessage(member, new NapMessage.Login("p1", "x", 6600, "test", 0));
        long timeout = ServerSettings.DEFAULTS.heartbeatTimeout().toNanos();
        for (long t = clock.nanos(); t < Duration.ofSeconds(10).toNanos() + timeout; t += timeout / 16) {
            clock.advanceTo(t);
            server.onMessage(chatty, new NapMessage.Search("x.1", "a", 10)); // talking is no login
            server.onMessage(member, new NapMessage.Ping());
        }
        assertFalse(silent.open, "no login within the timeout");
        assertTrue(chatty.open, "10 s younger: still has time");
        clock.advanceTo(Duration.ofSeconds(10).toNanos() + timeout + timeout / 2);
        assertFalse(chatty.open, "requests before login do not buy more time");
        NapMessage last = chatty.sent.get(chatty.sent.size() - 1);
        assertTrue(assertInstanceOf(NapMessage.ErrorMessage.class, last).text().contains("no Login (type 2) within 30000 ms"), last.toString());
        assertTrue(member.open, "a logged-in peer that keeps its heartbeat stays");
        assertEquals(1, server.connectedPeers());
    }

    @Test
    void unshareOfAFileNotSharedIsAnError() {
        FakeLink link = login("p1", "127.0.0.2");
        server.onMessage(link, new NapMessage.Unshare("nope.mp3"));
        assertInstanceOf(NapMessage.ErrorMessage.class, link.sent.get(0));
    }

    /** A link that records what the server sends. */
    private static final class FakeLink implements Link<NapMessage> {
        final List<NapMessage> sent = new ArrayList<>();
        final Address remote;
        boolean open = true;
        Object attachment;

        FakeLink(Address remote) {
            this.remote = remote;
        }

        @Override public Node<NapMessage> local() { return null; }
        @Override public Address remote() { return remote; }
        @Override public boolean outbound() { return false; }
        @Override public boolean isOpen() { return open; }
        @Override public void send(NapMessage message) { if (open) { sent.add(message); } }
        @Override public void close() { open = false; }
        @Override public Object attachment() { return attachment; }
        @Override public void attach(Object a) { attachment = a; }
    }

    /** Just a clock; the server needs nothing else from its node. */
    private record FakeNode(Clock clock) implements Node<NapMessage> {
        @Override public Address address() { return new Address("127.0.0.1", 8888); }
        @Override public String label() { return "p0"; }
        @Override public RandomGenerator random() { return new SplittableRandom(1); }
        @Override public CompletableFuture<Link<NapMessage>> connect(Address remote) { throw new UnsupportedOperationException(); }
        @Override public Collection<Link<NapMessage>> links() { return List.of(); }
        @Override public void execute(Runnable task) { task.run(); }
        @Override public boolean isAlive() { return true; }
        @Override public void kill() { }
        @Override public void close() { }
    }
}
