package p2plab.kazaa;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.BytesContent;
import p2plab.common.content.Content;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Transport;

/** Small helpers the scenario tests share: building a network, sharing a file, waiting for a search. */
final class Fixtures {
    /** Protocol time any single expectation may take. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    static KazaaNetwork network(Transport transport, int peers, TopologySpec topology, Map<String, String> options) {
        NetworkSpec spec = NetworkSpec.of("test", peers, 42).withTopology(topology).withOptions(options);
        return (KazaaNetwork) new KazaaOverlay().create(spec, transport);
    }

    static Content file(String name) {
        return new BytesContent(name, ("contents of " + name).getBytes());
    }

    /** Lets the network run until its supernodes index {@code files} files in all (bounded by {@link #WAIT}). */
    static void awaitIndexed(KazaaNetwork net, int files) {
        for (long waited = 0; waited < WAIT.toMillis(); waited += 50) {
            int indexed = 0;
            for (PeerId s : net.supernodes()) {
                indexed += net.status(s).indexedFiles();
            }
            if (indexed >= files) {
                return;
            }
            net.transport().advance(Duration.ofMillis(50));
        }
        throw new AssertionError("the supernodes did not index " + files + " files within " + WAIT);
    }

    static SearchResult search(KazaaNetwork net, int from, String text, int ttl) throws TimeoutException {
        CompletableFuture<SearchResult> f = net.search(PeerId.of(from), new Query(text, ttl));
        return net.transport().await(f, WAIT);
    }
}
