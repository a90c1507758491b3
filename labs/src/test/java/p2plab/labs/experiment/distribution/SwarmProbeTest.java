package p2plab.labs.experiment.distribution;

import java.time.Duration;
import java.util.*;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.BitTorrentNetwork;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.*;
import p2plab.common.transport.sim.SimTransport;

class SwarmProbeTest {
    @Test
    void probe() throws Exception {
        long u = Long.parseLong(System.getenv().getOrDefault("U", "8192"));
        long f = 3600 * u;
        int n = Integer.parseInt(System.getenv().getOrDefault("NS", "10"));
        Map<String, String> opts = new HashMap<>();
        for (String kv : System.getenv().getOrDefault("OPTS", "piece-length=262144").split(";")) {
            opts.put(kv.split("=")[0], kv.split("=")[1]);
        }
        try (SimTransport sim = SimTransport.withSeed(1);
             Network net0 = new BitTorrentOverlay().create(new NetworkSpec("d", 0, null, 1, PeerSpec.UNLIMITED, opts), sim)) {
            BitTorrentNetwork net = (BitTorrentNetwork) net0;
            PeerId server = net.addPeer(PeerSpec.rates(10 * u, 10 * u));
            List<PeerId> peers = new ArrayList<>();
            for (int i = 0; i < n; i++) peers.add(net.addPeer(PeerSpec.rates(u, 10 * u)));
            GeneratedContent file = new GeneratedContent("distribution-file", f, 1);
            net.share(server, file);
            sim.advance(Duration.ofSeconds(1));
            for (PeerId p : peers) net.download(p, file.id());
            for (int t = 0; t < 40; t++) {
                sim.advance(Duration.ofSeconds(150));
                long up = 0; int have = 0; StringBuilder st = new StringBuilder();
                for (PeerId p : peers) { up += net.uploaded(p, file.id()); var s = net.status(p, file.id()); if (s != null) { have += s.piecesHave(); } }
                var s1 = net.status(peers.get(0), file.id());
                System.out.printf("t=%d seedUp=%.2fF leechUp=%.2fF (ideal seed %.2f leech %.2f) pieces=%d peer1=%s seed=%s%n", (t + 1) * 150,
                    net.uploaded(server, file.id()) / (double) f, up / (double) f, (t + 1) * 150.0 * 10 * u / f, (t + 1) * 150.0 * n * u / f, have,
                    s1 == null ? "-" : s1.line(), net.status(server, file.id()) == null ? "-" : net.status(server, file.id()).line());
            }
        }
    }
}
