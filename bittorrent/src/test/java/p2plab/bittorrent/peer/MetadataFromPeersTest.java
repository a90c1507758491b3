package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.client.Phase;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * The metadata exchange (BEP 9) against peers that misbehave: one that sends a dictionary that
 * does not hash to the info hash, one that claims a huge one, one that rejects; and our seed
 * answering requests. The leecher learns peers from a source the test feeds by hand.
 */
class MetadataFromPeersTest {
    private final byte[] data = new byte[300_000];
    private Metainfo meta;
    private BytesContent content;

    /** A source whose sink the test holds, to hand the leecher peers one at a time. */
    static final class HandFed implements PeerSource {
        PeerSink sink;

        @Override
        public String name() {
            return "hand";
        }

        @Override
        public Announcer start(SwarmRef swarm, PeerSink s) {
            sink = s;
            return Announcer.NONE;
        }
    }

    @BeforeEach
    void content() {
        new Random(9).nextBytes(data);
        content = new BytesContent("m.bin", data);
        meta = Torrents.of(content, null, 16 * 1024);
    }

    private byte[] downloadAfter(SimTransport sim, FakePeer bad, String expectedError, boolean badIsDropped) throws Exception {
        ClientOptions opts = ClientOptions.defaults().withoutTracker();
        Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), opts);
        sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1));
        Address badAddress = sim.open(NodeConfig.named("bad"), new PeerWireFormat(), bad).address();
        Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("leecher"), opts);
        HandFed hand = new HandFed();
        leecher.addPeerSource(hand);
        MemoryStore[] store = new MemoryStore[1];
        Client.Torrent t = sim.await(leecher.get(MagnetLink.parse(meta.magnet()), m -> store[0] = new MemoryStore(m.pieceLength())),
                Duration.ofSeconds(1));
        assertEquals(Phase.FINDING_PEERS, t.phase());

        hand.sink.found(List.of(badAddress));
        sim.advance(Duration.ofSeconds(2));
        assertEquals(Phase.FETCHING_METADATA, t.phase(), "connected, no metadata yet");
        assertEquals(1, t.knownPeers());
        assertTrue(t.lastError() != null && t.lastError().contains(expectedError), t.lastError());
        assertEquals(badIsDropped, bad.closed, "dropped: " + badIsDropped);

        hand.sink.found(List.of(seed.address()));
        assertTrue(sim.await(t.completion(), Duration.ofSeconds(60)).complete());
        assertEquals(Phase.SEEDING, t.phase());
        assertArrayEquals(meta.infoBytes(), t.metainfo().infoBytes());
        return store[0].read(0, data.length);
    }

    @Test
    void aPeerSendingAWrongMetadataPieceIsDroppedAndTheMetadataComesFromAnother() throws Exception {
        byte[] forged = meta.infoBytes().clone();
        forged[forged.length / 2] ^= 1;
        FakePeer liar = new FakePeer(meta.infoHash(), Reserved.ours(), forged.length, piece -> MetadataPieces.answer(forged, piece));
        try (SimTransport sim = SimTransport.withSeed(1)) {
            byte[] got = downloadAfter(sim, liar, "does not hash to the info hash", true);
            assertArrayEquals(data, got);
            assertEquals(List.of(new UtMetadata.Request(0)), liar.metadataMessages(FakePeer.OUR_ID), "one metadata piece asked of the liar");
        }
    }

    @Test
    void metadataSizeAboveTheLimitIsRefusedWithAClearError() throws Exception {
        FakePeer boaster = new FakePeer(meta.infoHash(), Reserved.ours(), 100L << 20, piece -> new UtMetadata.Reject(piece));
        try (SimTransport sim = SimTransport.withSeed(2)) {
            byte[] got = downloadAfter(sim, boaster, "metadata_size 104857600 is above the limit of 8388608 bytes", true);
            assertArrayEquals(data, got);
            assertTrue(boaster.metadataMessages(FakePeer.OUR_ID).isEmpty(), "nothing was requested of it");
        }
    }

    @Test
    void aRejectingPeerIsPassedOverButKept() throws Exception {
        FakePeer refuser = new FakePeer(meta.infoHash(), Reserved.ours(), meta.infoBytes().length, UtMetadata.Reject::new);
        try (SimTransport sim = SimTransport.withSeed(3)) {
            byte[] got = downloadAfter(sim, refuser, "rejected our metadata request", false);
            assertArrayEquals(data, got);
            assertEquals(List.of(new UtMetadata.Request(0)), refuser.metadataMessages(FakePeer.OUR_ID));
            assertFalse(refuser.closed, "a reject is no offence: the connection went on to the download");
            assertFalse(refuser.received.stream().anyMatch(PeerMessage.Interested.class::isInstance),
                    "it has no piece, so we are not interested in it");
        }
    }

    @Test
    void ourSeedAnswersMetadataRequestsAndRejectsPiecesPastTheEnd() throws Exception {
        byte[] many = new byte[40_000];
        new Random(4).nextBytes(many);
        BytesContent big = new BytesContent("many pieces", many);
        Metainfo m = Torrents.of(big, null, 1024); // 40 pieces: 800 bytes of hashes
        try (SimTransport sim = SimTransport.withSeed(4)) {
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults().withoutTracker());
            sim.await(seed.seed(m, new ContentStore(big)), Duration.ofSeconds(1));
            FakePeer asker = new FakePeer(m.infoHash(), Reserved.ours(), 0, piece -> null);
            Link<PeerMessage> link = sim.await(sim.open(NodeConfig.named("asker"), new PeerWireFormat(), asker).connect(seed.address()),
                    Duration.ofSeconds(1));
            sim.advance(Duration.ofSeconds(1));
            assertEquals(m.infoBytes().length, asker.extendedHandshake().metadataSize());
            assertEquals(MetadataFetch.UT_METADATA_ID, asker.extendedHandshake().idOf(UtMetadata.NAME));
            link.send(new PeerMessage.Extended(77, new byte[] {1, 2, 3})); // an extension we never offered: ignored (BEP 10)
            link.send(new PeerMessage.Extended(MetadataFetch.UT_METADATA_ID, UtMetadata.encode(new UtMetadata.Request(0))));
            link.send(new PeerMessage.Extended(MetadataFetch.UT_METADATA_ID, UtMetadata.encode(new UtMetadata.Request(1))));
            link.send(new PeerMessage.Extended(MetadataFetch.UT_METADATA_ID, new byte[] {'x'})); // not bencode
            sim.advance(Duration.ofSeconds(1));
            assertEquals(List.of(new UtMetadata.Data(0, m.infoBytes().length, m.infoBytes()), new UtMetadata.Reject(1)),
                    asker.metadataMessages(FakePeer.OUR_ID));
            assertTrue(asker.closed, "a malformed ut_metadata message closes the connection");
        }
    }

    @Test
    void metadataThatHashesRightButCannotBeUsedStopsTheTorrentWithTheReason() throws Exception {
        // a file path with ".." in it: the info hash is of exactly these bytes, so the magnet link vouches for them
        byte[] hostile = "d5:filesld6:lengthi1e4:pathl2:..1:xeee4:name1:x12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] hash = p2plab.common.content.Digests.sha1(hostile);
        FakePeer peer = new FakePeer(hash, Reserved.ours(), hostile.length, piece -> MetadataPieces.answer(hostile, piece));
        try (SimTransport sim = SimTransport.withSeed(5)) {
            Address at = sim.open(NodeConfig.named("hostile"), new PeerWireFormat(), peer).address();
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("leecher"), ClientOptions.defaults().withoutTracker());
            MagnetLink magnet = new MagnetLink(hash, "", List.of(), List.of(at), -1);
            Client.Torrent t = sim.await(leecher.get(magnet, m -> new MemoryStore(m.pieceLength())), Duration.ofSeconds(1));
            sim.advance(Duration.ofSeconds(2));
            assertEquals(Phase.STOPPED, t.phase());
            assertEquals("cannot use the metadata: unsafe path element '..' in torrent file list", t.lastError());
            assertTrue(t.metadata().isCompletedExceptionally());
            assertTrue(peer.closed, "its connection closed with the torrent");
        }
    }
}
