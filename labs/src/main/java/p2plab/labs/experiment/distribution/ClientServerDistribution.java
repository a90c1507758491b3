package p2plab.labs.experiment.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.ProtocolErrors;

/**
 * The client-server baseline: one server uploads the whole file to each of N clients over the
 * shared transport; nobody else uploads. The server sends chunk 0 to every client, then chunk 1
 * to every client, and so on, so its uplink is never idle and the clients finish together.
 */
public final class ClientServerDistribution {
    private static final int CHUNK = 1 << 20;

    private ClientServerDistribution() {
    }

    /**
     * Simulates one distribution and returns its duration in seconds: from the moment the
     * server starts sending to the moment the last client holds the whole file.
     */
    public static double run(SimTransport sim, int clients, long fileBytes, long serverUpload, long clientDownload)
            throws TimeoutException {
        Chunk.Format format = new Chunk.Format();
        Node<Chunk> server = sim.open(NodeConfig.named("server").withRates(serverUpload, 0), format, (l, m) -> { });
        List<Client> receivers = new ArrayList<>();
        List<CompletableFuture<Link<Chunk>>> links = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(fileBytes);
            Node<Chunk> node = sim.open(NodeConfig.named("c" + i).withRates(0, clientDownload), format, c);
            c.clock = node;
            receivers.add(c);
            links.add(server.connect(node.address()));
        }
        sim.await(CompletableFuture.allOf(links.toArray(CompletableFuture[]::new)), Duration.ofMinutes(1));
        long start = sim.clock().nanos();
        for (long offset = 0, index = 0; offset < fileBytes; offset += CHUNK, index++) {
            int size = (int) Math.min(CHUNK, fileBytes - offset);
            for (CompletableFuture<Link<Chunk>> l : links) {
                l.join().send(new Chunk((int) index, size));
            }
        }
        CompletableFuture<?> all = CompletableFuture.allOf(receivers.stream().map(c -> c.done).toArray(CompletableFuture[]::new));
        ProtocolErrors.await(sim, all, Duration.ofDays(3650), "client-server distribution to " + clients);
        long end = 0;
        for (Client c : receivers) {
            end = Math.max(end, c.done.join());
        }
        return (end - start) / 1e9;
    }

    /** Counts bytes until the whole file is in, and notes when. */
    private static final class Client implements PeerHandler<Chunk> {
        private final long fileBytes;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private Node<Chunk> clock;
        private long received;

        Client(long fileBytes) {
            this.fileBytes = fileBytes;
            if (fileBytes == 0) {
                done.complete(0L);
            }
        }

        @Override
        public void onMessage(Link<Chunk> link, Chunk chunk) {
            received += chunk.size();
            if (received >= fileBytes && !done.isDone()) {
                done.complete(clock.clock().nanos());
            }
        }
    }
}
