package p2plab.bittorrent.tracker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.bittorrent.http.Urls;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;

/**
 * Speaks HTTP to a tracker from one peer: announce, and the lab's search. Each request is one
 * short connection (HTTP/1.1 with {@code Connection: close}), as most real clients do.
 */
public final class TrackerClient implements PeerHandler<HttpMessage> {
    private Node<HttpMessage> node;

    /** Opens the client's own node (port 0: any; in simulation give a port distinct from the peer's). */
    public static TrackerClient open(Transport transport, String label, int port) {
        TrackerClient c = new TrackerClient();
        c.node = transport.open(NodeConfig.named(label).withPort(port), HttpFormat.client(), c);
        return c;
    }

    public Node<HttpMessage> node() {
        return node;
    }

    /** One announce; {@code event} is "started", "completed", "stopped" or "" (a regular one). */
    public CompletableFuture<AnnounceResponse> announce(String announceUrl, byte[] infoHash, byte[] peerId, int port,
                                                        long uploaded, long downloaded, long left, String event, int numwant) {
        StringBuilder q = new StringBuilder();
        q.append("info_hash=").append(Urls.encode(infoHash)).append("&peer_id=").append(Urls.encode(peerId))
                .append("&port=").append(port).append("&uploaded=").append(uploaded).append("&downloaded=").append(downloaded)
                .append("&left=").append(left).append("&compact=1&numwant=").append(numwant);
        if (!event.isEmpty()) {
            q.append("&event=").append(event);
        }
        return get(announceUrl, q.toString(), null).thenApply(TrackerClient::parseAnnounce);
    }

    /** The lab's {@code /search}: torrents whose names hold every keyword, as name and info hash. */
    public CompletableFuture<List<Found>> search(String announceUrl, String keywords) {
        return search(announceUrl, keywords, null);
    }

    /**
     * As {@link #search(String, String)}, with {@code trace} sent in a header the tracker echoes,
     * so a tally keyed {@code "bittorrent-http:" + trace} sees both messages.
     */
    public CompletableFuture<List<Found>> search(String announceUrl, String keywords, String trace) {
        String url = announceUrl.replaceFirst("/announce$", "/search");
        return get(url, "q=" + Urls.encode(keywords.getBytes(StandardCharsets.UTF_8)), trace).thenApply(body -> {
            Map<String, Object> d = Bencode.dict(Bencode.decode(body), "search reply");
            failure(d);
            List<Found> found = new ArrayList<>();
            for (Object o : Bencode.list(d.get("results"), "results")) {
                Map<String, Object> r = Bencode.dict(o, "result");
                found.add(new Found(Bencode.text(r.get("name"), "name"), Bencode.bytes(r.get("info hash"), "info hash"),
                        Bencode.integer(r.get("length"), "length"), Bencode.integer(r.get("seeds"), "seeds")));
            }
            return found;
        });
    }

    /** One search result. */
    public record Found(String name, byte[] infoHash, long length, long seeds) {
    }

    private CompletableFuture<byte[]> get(String url, String query, String trace) {
        Target t;
        try {
            t = Target.parse(url);
        } catch (IllegalArgumentException e) { // a bad URL from a .torrent: the caller's error, not ours
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        String target = t.path + (t.path.contains("?") ? "&" : "?") + query;
        node.connect(t.address).whenComplete((link, e) -> {
            if (e != null) {
                result.completeExceptionally(new IllegalStateException("tracker " + t.address + " unreachable: "
                        + e.getMessage() + "; is it running?"));
                return;
            }
            link.attach(result);
            // A tracker that takes the connection and never answers would hold this announce, and
            // with it the announce loop, for ever.
            var timeout = node.clock().schedule(REPLY_TIMEOUT, () -> {
                if (!result.isDone()) {
                    result.completeExceptionally(new IllegalStateException("tracker " + t.address + " did not answer within "
                            + REPLY_TIMEOUT.toSeconds() + " s; is it a BitTorrent tracker?"));
                    link.close();
                }
            });
            result.whenComplete((r, x) -> timeout.cancel());
            HttpMessage.Request request = HttpMessage.Request.get(target, t.address.toString());
            link.send(trace == null ? request : request.with(HttpFormat.TRACE_HEADER, trace));
        });
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onMessage(Link<HttpMessage> link, HttpMessage message) {
        CompletableFuture<byte[]> f = (CompletableFuture<byte[]>) link.attachment();
        link.close();
        if (f == null) {
            return;
        }
        if (message instanceof HttpMessage.Response r && r.status() == 200) {
            f.complete(r.body());
        } else if (message instanceof HttpMessage.Response r) {
            f.completeExceptionally(new IllegalStateException("tracker answered HTTP " + r.status() + " " + r.reason()));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onClosed(Link<HttpMessage> link, String reason) {
        CompletableFuture<byte[]> f = (CompletableFuture<byte[]>) link.attachment();
        if (f != null && !f.isDone()) {
            f.completeExceptionally(new IllegalStateException("tracker closed the connection: " + reason));
        }
    }

    /**
     * Peers taken from one announce reply. Our trackers send at most 200; a hostile one could fill
     * its 4 MiB body with 700,000 compact peers, each of which would become an address here.
     */
    public static final int MAX_PEERS_PER_REPLY = 1_000;
    /**
     * Largest announce reply decoded: 1,000 peers as dictionaries take about 60 KB. Bencode costs
     * up to about 30 bytes of heap per byte (an empty dictionary is 2 bytes), so a 4 MiB reply of
     * them would cost over 100 MB before a single peer is read.
     */
    public static final int MAX_ANNOUNCE_REPLY = 256 * 1024;
    /** How long a tracker has to answer a request, once connected. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    /** Characters of a failure reason kept: it is shown on one status line. */
    static final int MAX_REASON = 300;

    static AnnounceResponse parseAnnounce(byte[] body) {
        if (body.length > MAX_ANNOUNCE_REPLY) {
            throw new IllegalArgumentException("announce reply of " + body.length + " bytes exceeds the limit of "
                    + MAX_ANNOUNCE_REPLY + "; is this a BitTorrent tracker?");
        }
        Map<String, Object> d = Bencode.dict(Bencode.decode(body, MAX_ANNOUNCE_REPLY, 8), "announce reply");
        failure(d);
        int interval = (int) Bencode.integer(d.getOrDefault("interval", 1800L), "interval");
        int complete = (int) Bencode.integer(d.getOrDefault("complete", 0L), "complete");
        int incomplete = (int) Bencode.integer(d.getOrDefault("incomplete", 0L), "incomplete");
        List<Address> peers = new ArrayList<>();
        Object p = d.get("peers");
        if (p instanceof byte[] compact) {
            if (compact.length % 6 != 0) {
                throw new IllegalArgumentException("compact peer list of " + compact.length + " bytes is not a multiple of 6");
            }
            for (int i = 0; i < compact.length && peers.size() < MAX_PEERS_PER_REPLY; i += 6) {
                byte[] ip = {compact[i], compact[i + 1], compact[i + 2], compact[i + 3]};
                peers.add(Address.ofIpv4(ip, ((compact[i + 4] & 0xff) << 8) | (compact[i + 5] & 0xff)));
            }
        } else if (p instanceof List<?> list) {
            for (Object o : list.subList(0, Math.min(list.size(), MAX_PEERS_PER_REPLY))) {
                Map<String, Object> e = Bencode.dict(o, "peer");
                peers.add(new Address(Bencode.text(e.get("ip"), "ip"), (int) Bencode.integer(e.get("port"), "port")));
            }
        }
        return new AnnounceResponse(interval, complete, incomplete, peers);
    }

    private static void failure(Map<String, Object> d) {
        if (d.containsKey("failure reason")) {
            String reason = Bencode.text(d.get("failure reason"), "failure reason");
            if (reason.length() > MAX_REASON) {
                reason = reason.substring(0, MAX_REASON) + "...";
            }
            throw new IllegalStateException("tracker refused: " + reason);
        }
    }

    /** host, port and path of an http:// URL. */
    private record Target(Address address, String path) {
        static Target parse(String url) {
            if (!url.startsWith("http://")) {
                throw new IllegalArgumentException("only http:// trackers are supported, got '" + url + "'");
            }
            String rest = url.substring(7);
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            Address a;
            try {
                a = hostPort.contains(":") ? Address.parse(hostPort) : new Address(hostPort, 80);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad tracker address in '" + url + "'");
            }
            return new Target(a, path);
        }
    }
}
