package p2plab.bittorrent.tracker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.bittorrent.http.Urls;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.common.content.Keywords;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;

/**
 * An HTTP tracker (BEP 3, compact replies per BEP 23) on the shared transport: in simulation an
 * ordinary node, over TCP a real HTTP server that aria2 or libtorrent can announce to.
 *
 * <ul>
 *   <li>{@code GET /announce?info_hash&peer_id&port&uploaded&downloaded&left[&event][&compact][&numwant]}:
 *       records the peer, answers {@code interval} and at most {@code numwant} (default 50) other
 *       peers chosen at random; {@code event=stopped} removes the peer; a peer that stops
 *       announcing for {@code 2 x interval} is forgotten, and so is a torrent left without peers.
 *       At most {@link #MAX_TORRENTS} torrents, {@link #MAX_PEERS_PER_TORRENT} peers in one and
 *       {@link #MAX_PEERS} in all are kept ({@link TrackedTorrents}); beyond, announces get a
 *       failure reason.</li>
 *   <li>{@code GET /scrape[?info_hash...]}: complete / downloaded / incomplete per torrent.</li>
 *   <li>{@code GET /search?q=words}: torrents {@linkplain #publish published} here whose name has
 *       every word (a lab extension standing in for a torrent web site).</li>
 * </ul>
 *
 * Every bad parameter gets a bencoded {@code failure reason}; a request the HTTP codec refuses gets
 * its status (400, 411, 414, 431). Each connection carries one request: the reply says
 * {@code Connection: close} and the tracker closes it, so a pipelined second request is not read.
 */
public final class TrackerServer implements PeerHandler<HttpMessage> {
    /** The interval `p2plab tracker` tells peers unless given --interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(120);
    public static final int DEFAULT_NUMWANT = 50;
    public static final int MAX_NUMWANT = 200;
    public static final int MAX_TORRENTS = 10_000;
    public static final int MAX_PEERS_PER_TORRENT = 2_000;
    public static final int MAX_PEERS = 100_000;
    /**
     * Connections open at once. Each carries one request and is closed after the answer, so only
     * a flood (or a crowd of thousands announcing in the same instant) comes near it; each may
     * buffer a request head of 16 KiB and a body of 64 KiB until then.
     */
    public static final int MAX_CONNECTIONS = 10_000;
    /** How long a connection has to deliver its request (a trickled or silent one is closed). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Duration interval;
    private final TrackedTorrents torrents;
    private final Map<String, Metainfo> published = new LinkedHashMap<>();
    private Node<HttpMessage> node;
    private final Set<Link<HttpMessage>> open = new HashSet<>();

    public TrackerServer(Duration interval) {
        this(interval, MAX_TORRENTS, MAX_PEERS_PER_TORRENT, MAX_PEERS);
    }

    TrackerServer(Duration interval, int maxTorrents, int maxPeersPerTorrent, int maxPeers) {
        this.interval = interval;
        this.torrents = new TrackedTorrents(2 * interval.toNanos(), maxTorrents, maxPeersPerTorrent, maxPeers);
    }

    /** Opens a tracker node on {@code transport}; over TCP, {@code port} 0 picks a free port. */
    public static TrackerServer start(Transport transport, String label, int port, Duration interval) {
        return start(transport, label, port, new TrackerServer(interval));
    }

    static TrackerServer start(Transport transport, String label, int port, TrackerServer t) {
        t.node = transport.open(NodeConfig.named(label).withPort(port), HttpFormat.server(), t);
        return t;
    }

    public Node<HttpMessage> node() {
        return node;
    }

    /** The URL peers announce to. */
    public String announceUrl() {
        return "http://" + node.address() + "/announce";
    }

    /** Lists a torrent for {@code /search} (no announce needed). */
    public void publish(Metainfo metainfo) {
        published.put(HexFormat.of().formatHex(metainfo.infoHash()), metainfo);
    }

    /** Peers currently known for a torrent. */
    public int peerCount(byte[] infoHash) {
        TrackedTorrents.Torrent t = torrents.get(infoHash, node.clock().nanos());
        return t == null ? 0 : t.peers.size();
    }

    /** Torrents held now (each has at least one peer that announced within the timeout). */
    public int torrentCount() {
        torrents.sweep(node.clock().nanos());
        return torrents.torrentCount();
    }

    /** Peers held now, over all torrents. */
    public long totalPeers() {
        torrents.sweep(node.clock().nanos());
        return torrents.peerCount();
    }

    public void close() {
        node.close();
    }

    @Override
    public void onConnected(Link<HttpMessage> link) {
        if (open.size() >= MAX_CONNECTIONS) {
            link.close();
            return;
        }
        open.add(link);
        node.clock().schedule(REQUEST_TIMEOUT, () -> {
            if (open.contains(link)) {
                link.close();
            }
        });
    }

    @Override
    public void onClosed(Link<HttpMessage> link, String reason) {
        open.remove(link);
    }

    /** Connections open now. */
    public int openConnections() {
        return open.size();
    }

    @Override
    public void onMessage(Link<HttpMessage> link, HttpMessage message) {
        if (message instanceof HttpMessage.Refused bad) {
            link.send(bad.response());
            link.close();
            return;
        }
        if (!(message instanceof HttpMessage.Request r)) {
            link.close();
            return;
        }
        HttpMessage.Response response;
        try {
            response = switch (r.path()) {
                case "/announce" -> bencoded(announce(link, Urls.query(r.query())));
                case "/scrape" -> bencoded(scrape(Urls.query(r.query())));
                case "/search" -> bencoded(search(Urls.query(r.query())));
                default -> HttpMessage.Response.error(404, "Not Found", "this tracker serves /announce, /scrape and /search");
            };
        } catch (IllegalArgumentException e) {
            response = bencoded(Map.of("failure reason", e.getMessage()));
        }
        String trace = r.headers().get(HttpFormat.TRACE_HEADER);
        link.send(trace == null ? response : response.with(HttpFormat.TRACE_HEADER, trace));
        link.close();
    }

    private static HttpMessage.Response bencoded(Map<String, Object> dict) {
        return HttpMessage.Response.ok("text/plain", Bencode.encode(dict));
    }

    private Map<String, Object> announce(Link<HttpMessage> link, Map<String, List<byte[]>> q) {
        byte[] infoHash = required(q, "info_hash");
        byte[] peerId = required(q, "peer_id");
        if (infoHash.length != 20 || peerId.length != 20) {
            throw new IllegalArgumentException("info_hash and peer_id must be 20 bytes each");
        }
        int port = (int) number(q, "port", -1);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        number(q, "uploaded", 0);
        number(q, "downloaded", 0);
        long left = number(q, "left", 0);
        String event = text(q, "event", "");
        if (!List.of("", "started", "completed", "stopped", "paused").contains(event)) {
            throw new IllegalArgumentException("event must be started, completed or stopped");
        }
        boolean compact = number(q, "compact", 1) == 1;
        int numwant = (int) Math.min(MAX_NUMWANT, number(q, "numwant", DEFAULT_NUMWANT));
        long now = node.clock().nanos();
        String id = HexFormat.of().formatHex(peerId);
        TrackedTorrents.Torrent swarm = torrents.announce(infoHash, peerId, new Address(link.remote().host(), port), left, event, now);
        List<TrackedTorrents.Peer> others = new ArrayList<>();
        for (TrackedTorrents.Peer p : swarm.peers.values()) {
            if (!HexFormat.of().formatHex(p.peerId()).equals(id) && !(left == 0 && p.left() == 0)) { // seeds need no seeds
                others.add(p);
            }
        }
        Collections.shuffle(others, new java.util.Random(node.random().nextLong()));
        if (others.size() > numwant) {
            others = others.subList(0, numwant);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("interval", interval.toSeconds());
        reply.put("complete", (long) swarm.seeds());
        reply.put("incomplete", (long) (swarm.peers.size() - swarm.seeds()));
        if (compact) {
            ByteArrayOutputStream peers = new ByteArrayOutputStream();
            for (TrackedTorrents.Peer p : others) {
                peers.writeBytes(p.address().ipv4());
                peers.write(p.address().port() >> 8);
                peers.write(p.address().port() & 0xff);
            }
            reply.put("peers", peers.toByteArray());
        } else {
            List<Object> peers = new ArrayList<>();
            for (TrackedTorrents.Peer p : others) {
                peers.add(Map.of("peer id", p.peerId(), "ip", p.address().host(), "port", (long) p.address().port()));
            }
            reply.put("peers", peers);
        }
        return reply;
    }

    private Map<String, Object> scrape(Map<String, List<byte[]>> q) {
        long now = node.clock().nanos();
        List<byte[]> wanted = q.getOrDefault("info_hash", List.of());
        for (byte[] w : wanted) {
            if (w.length != 20) {
                throw new IllegalArgumentException("info_hash must be 20 bytes, got " + w.length);
            }
        }
        Map<String, Object> files = new LinkedHashMap<>();
        torrents.forEach(now, (hash, s) -> {
            if (wanted.isEmpty() || wanted.stream().anyMatch(w -> java.util.Arrays.equals(w, hash))) {
                files.put(new String(hash, StandardCharsets.ISO_8859_1), Map.of("complete", (long) s.seeds(),
                        "downloaded", s.downloaded, "incomplete", (long) (s.peers.size() - s.seeds())));
            }
        });
        return Map.of("files", files);
    }

    private Map<String, Object> search(Map<String, List<byte[]>> q) {
        String words = text(q, "q", "");
        List<String> keywords = Keywords.of(words);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("search needs q=<keywords>");
        }
        List<Object> results = new ArrayList<>();
        for (Metainfo m : published.values()) {
            if (Keywords.of(m.name()).containsAll(keywords)) {
                TrackedTorrents.Torrent s = torrents.get(m.infoHash(), node.clock().nanos());
                results.add(Map.of("name", m.name(), "info hash", m.infoHash(), "length", m.totalLength(),
                        "seeds", (long) (s == null ? 0 : s.seeds())));
            }
        }
        return Map.of("results", results);
    }

    private static byte[] required(Map<String, List<byte[]>> q, String name) {
        List<byte[]> v = q.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return v.get(0);
    }

    private static long number(Map<String, List<byte[]>> q, String name, long fallback) {
        List<byte[]> v = q.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        String text = new String(v.get(0), StandardCharsets.ISO_8859_1);
        if (!text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number of at least 0");
        }
        return Long.parseLong(text);
    }

    private static String text(Map<String, List<byte[]>> q, String name, String fallback) {
        List<byte[]> v = q.get(name);
        return v == null || v.isEmpty() ? fallback : new String(v.get(0), StandardCharsets.UTF_8);
    }
}
