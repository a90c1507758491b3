package p2plab.labs.assignment.gnutella;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import p2plab.common.topology.Graph;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;

/**
 * A small model of Gnutella search on a graph, driven entirely by the routers under test: one
 * router per node, messages delivered in FIFO order (every link equally fast), every Query and
 * QueryHit counted. Bounded, so a router that never stops forwarding ends the run, not the JVM.
 */
public final class FloodModel {
    static final int MESSAGE_LIMIT = 200_000;

    private final Graph graph;
    private final List<QueryRouter> routers = new ArrayList<>();
    private final List<Neighbour> names = new ArrayList<>();

    /** What one search did. */
    public record Outcome(int queries, int hits, boolean answered, Set<Integer> reached, boolean cutOff) {
    }

    private record Message(boolean hit, int to, int from, int ttl, int hops) {
    }

    private record Named(Address address) implements Neighbour {
        @Override
        public long hitsReturned() {
            return 0;
        }
    }

    public FloodModel(Graph graph, Supplier<? extends QueryRouter> routers) {
        this.graph = graph;
        for (int i = 0; i < graph.size(); i++) {
            this.routers.add(routers.get());
            names.add(new Named(new Address("node" + i, 6346)));
        }
    }

    private static String name(int node) {
        return "node" + node;
    }

    /** Floods one query from {@code origin} with {@code ttl}; {@code holders} answer it. */
    public Outcome search(int origin, int ttl, Set<Integer> holders, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[Guid.BYTES];
        random.nextBytes(bytes);
        Guid guid = Guid.of(bytes);
        String key = guid.toString();
        ArrayDeque<Message> queue = new ArrayDeque<>();
        Set<Integer> reached = new HashSet<>();
        int queries = 0;
        int hits = 0;
        boolean answered = false;
        routers.get(origin).originate(key);
        for (int n : chosen(origin, -1, new QueryInfo(guid, "lab", ttl, 0, true), random)) {
            queue.add(new Message(false, n, origin, ttl, 0));
        }
        while (!queue.isEmpty()) {
            if (queries + hits > MESSAGE_LIMIT) {
                return new Outcome(queries, hits, answered, reached, true);
            }
            Message m = queue.poll();
            QueryRouter router = routers.get(m.to());
            if (m.hit()) {
                hits++;
                String next = router.routeHit(key);
                if (QueryRouter.LOCAL.equals(next)) {
                    answered |= m.to() == origin;
                } else if (next != null) {
                    int to = indexOf(next);
                    if (to >= 0 && graph.hasEdge(m.to(), to)) {
                        queue.add(new Message(true, to, m.to(), 0, 0));
                    }
                }
                continue;
            }
            queries++;
            QueryRouter.Decision d = router.onQuery(key, name(m.from()), m.ttl(), m.hops());
            if (d == null || !d.handle()) {
                continue;
            }
            reached.add(m.to());
            if (holders.contains(m.to())) {
                String back = router.routeHit(key);
                int to = back == null ? -1 : indexOf(back);
                if (to >= 0 && graph.hasEdge(m.to(), to)) {
                    queue.add(new Message(true, to, m.to(), 0, 0));
                }
            }
            if (d.forward()) {
                for (int n : chosen(m.to(), m.from(), new QueryInfo(guid, "lab", d.ttl(), d.hops(), false), random)) {
                    queue.add(new Message(false, n, m.to(), d.ttl(), d.hops()));
                }
            }
        }
        return new Outcome(queries, hits, answered, reached, false);
    }

    private List<Integer> chosen(int node, int sender, QueryInfo info, SplittableRandom random) {
        List<Neighbour> candidates = new ArrayList<>();
        for (int n : graph.neighbours(node)) {
            if (n != sender) {
                candidates.add(names.get(n));
            }
        }
        List<Integer> out = new ArrayList<>();
        List<Neighbour> picked = routers.get(node).choose(info, List.copyOf(candidates), random);
        for (Neighbour n : picked == null ? List.<Neighbour>of() : picked) {
            int i = names.indexOf(n);
            if (i >= 0 && candidates.contains(n)) {
                out.add(i);
            }
        }
        return out;
    }

    private static int indexOf(String name) {
        if (!name.startsWith("node")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The Query messages correct flooding sends: the origin's degree, plus (degree - 1) for
     * every other node nearer than the TTL (a node first reached at distance d forwards while d < TTL).
     */
    public static int floodingQueries(Graph g, int origin, int ttl) {
        int[] dist = g.distancesFrom(origin);
        int total = ttl > 0 ? g.degree(origin) : 0;
        for (int v = 0; v < g.size(); v++) {
            if (v != origin && dist[v] >= 1 && dist[v] < ttl) {
                total += g.degree(v) - 1;
            }
        }
        return total;
    }
}
