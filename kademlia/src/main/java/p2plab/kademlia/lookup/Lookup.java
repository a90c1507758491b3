package p2plab.kademlia.lookup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * One iterative lookup, as a pure state machine (the node sends and times out; this decides).
 *
 * <ol>
 *   <li>Start from the closest contacts in the own routing table.</li>
 *   <li>Keep up to α queries in flight, to contacts the {@link NextHopPolicy} picks (by default
 *       the closest not asked yet).</li>
 *   <li>Merge every answer's contacts into the candidates as the policy says (by default all
 *       those not known yet); a contact that does not answer is dropped from them.</li>
 *   <li>Stop when the policy's stop rule says so (by default when the k closest candidates
 *       have all answered, or nobody is left to ask).</li>
 * </ol>
 *
 * It keeps the candidates, sorted by distance, and their states, and checks what the policy
 * returns: a pick or a merge that breaks the rules is an {@link IllegalStateException}.
 *
 * A contact first learnt from an answer at depth d has depth d + 1 (the start contacts: 1);
 * the lookup's rounds are the deepest depth it queried, the "hops" of the textbook.
 */
public final class Lookup {
    /**
     * Candidates kept: each answer may add as many contacts as a datagram holds (about 56), and
     * nodes that keep naming fresh contacts closer than the last could grow a lookup without end.
     * Past this, the farthest not yet asked are forgotten; a lookup that ends normally asks far
     * fewer (about k per step).
     */
    public static final int MAX_CANDIDATES = 4_096;
    /** Peers kept from get_peers answers (a client remembers 1,000 per torrent anyway). */
    public static final int MAX_PEERS = 1_000;
    /**
     * Queries one lookup sends at most; then it ends with the closest that answered. Nodes that
     * keep naming fresh contacts closer than the last would otherwise lead it on for ever. Each
     * contact is asked once, so a lookup in a network of at most this many nodes never meets it;
     * closest-first lookups ask about 20 even among a million nodes.
     */
    public static final int MAX_QUERIES = 1_000;

    private enum State { NEW, IN_FLIGHT, ANSWERED, FAILED }

    private static final class Candidate {
        final Contact contact;
        final int depth;
        State state = State.NEW;

        Candidate(Contact contact, int depth) {
            this.contact = contact;
            this.depth = depth;
        }
    }

    private final NodeId target;
    private final int k;
    private final int alpha;
    private final NextHopPolicy policy;
    private final TreeMap<NodeId, Candidate> candidates;
    private final Set<Address> values = new LinkedHashSet<>();
    private final Map<NodeId, byte[]> tokens = new HashMap<>();
    private final Map<Integer, Integer> bestBitsByDepth = new TreeMap<>();
    private int inFlight;
    private int queries;
    private int answers;
    private int failures;
    private int rounds;

    public Lookup(NodeId target, int k, int alpha, NextHopPolicy policy, List<Contact> start) {
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha must be at least 1, got " + alpha);
        }
        this.target = target;
        this.k = k;
        this.alpha = alpha;
        this.policy = policy;
        this.candidates = new TreeMap<>(target::closer);
        for (Contact c : start) {
            candidates.putIfAbsent(c.id(), new Candidate(c, 1));
        }
    }

    public NodeId target() {
        return target;
    }

    /** Contacts to query now; each is in flight until {@link #answered} or {@link #failed}. */
    public List<Contact> next(RandomGenerator random) {
        int slots = Math.min(alpha - inFlight, MAX_QUERIES - queries);
        if (slots <= 0 || done()) {
            return List.of();
        }
        List<Contact> unqueried = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if (c.state == State.NEW) {
                unqueried.add(c.contact);
            }
        }
        if (unqueried.isEmpty()) {
            return List.of();
        }
        List<Contact> chosen = List.copyOf(policy.choose(target, unqueried, slots, random));
        if (chosen.size() > slots) {
            throw new IllegalStateException("the next-hop policy chose " + chosen.size() + " contacts for " + slots + " slots");
        }
        for (Contact c : chosen) {
            Candidate cand = candidates.get(c.id());
            if (cand == null || cand.state != State.NEW) {
                throw new IllegalStateException("the next-hop policy chose " + c + ", which is not an unqueried candidate");
            }
            cand.state = State.IN_FLIGHT;
            inFlight++;
            queries++;
            rounds = Math.max(rounds, cand.depth);
        }
        return chosen;
    }

    /** {@code from} answered with {@code closer} contacts (and, for get_peers, peers and a token). */
    public void answered(Contact from, List<Contact> closer, List<Address> peers, byte[] token) {
        Candidate c = candidates.get(from.id());
        if (c == null || c.state != State.IN_FLIGHT) {
            return;
        }
        c.state = State.ANSWERED;
        inFlight--;
        answers++;
        bestBitsByDepth.merge(c.depth, from.id().distanceBits(target), Math::min);
        if (!closer.isEmpty()) {
            merge(closer, c.depth + 1);
        }
        for (Address p : peers) {
            if (values.size() >= MAX_PEERS) {
                break;
            }
            values.add(p);
        }
        if (token != null) {
            tokens.put(from.id(), token);
        }
    }

    private void merge(List<Contact> answer, int depth) {
        List<Contact> known = new ArrayList<>(candidates.size());
        for (Candidate k : candidates.values()) {
            known.add(k.contact);
        }
        for (Contact n : List.copyOf(policy.merge(target, known, answer))) {
            if (!answer.contains(n)) {
                throw new IllegalStateException("the lookup policy merged " + n + ", which the answer did not list");
            }
            if (candidates.putIfAbsent(n.id(), new Candidate(n, depth)) != null) {
                throw new IllegalStateException("the lookup policy merged " + n + ", which is a candidate already");
            }
        }
        Iterator<Candidate> farthestFirst = candidates.descendingMap().values().iterator();
        while (candidates.size() > MAX_CANDIDATES && farthestFirst.hasNext()) {
            if (farthestFirst.next().state == State.NEW) {
                farthestFirst.remove();
            }
        }
    }

    /** Candidates held now (at most {@link #MAX_CANDIDATES} plus those asked). */
    public int candidateCount() {
        return candidates.size();
    }

    /** {@code to} did not answer (timeout or error): it is no candidate any more. */
    public void failed(Contact to) {
        Candidate c = candidates.get(to.id());
        if (c == null || c.state != State.IN_FLIGHT) {
            return;
        }
        c.state = State.FAILED;
        inFlight--;
        failures++;
    }

    /**
     * True when the policy's stop rule says so (by default: the k closest live candidates have
     * all answered), and in any case when nothing is left to ask or wait for, or when
     * {@link #MAX_QUERIES} were sent and none is in flight.
     */
    public boolean done() {
        List<NextHopPolicy.Progress> live = new ArrayList<>(candidates.size());
        boolean unqueried = false;
        for (Candidate c : candidates.values()) {
            switch (c.state) {
                case NEW -> {
                    live.add(NextHopPolicy.Progress.UNQUERIED);
                    unqueried = true;
                }
                case IN_FLIGHT -> live.add(NextHopPolicy.Progress.IN_FLIGHT);
                case ANSWERED -> live.add(NextHopPolicy.Progress.ANSWERED);
                default -> { } // failed: no candidate any more
            }
        }
        return ((!unqueried || queries >= MAX_QUERIES) && inFlight == 0) || policy.done(Collections.unmodifiableList(live), k);
    }

    public boolean idle() {
        return inFlight == 0;
    }

    /** The k closest contacts that answered, closest first. */
    public List<Contact> closest() {
        List<Contact> out = new ArrayList<>(k);
        for (Candidate c : candidates.values()) {
            if (c.state == State.ANSWERED) {
                out.add(c.contact);
                if (out.size() == k) {
                    break;
                }
            }
        }
        return out;
    }

    /** The hop at which {@code c} was learnt (0 when it is no candidate). */
    public int depthOf(Contact c) {
        Candidate cand = candidates.get(c.id());
        return cand == null ? 0 : cand.depth;
    }

    public byte[] token(NodeId of) {
        return tokens.get(of);
    }

    public LookupResult result() {
        return new LookupResult(target, closest(), List.copyOf(values), rounds, queries, answers, failures,
                List.copyOf(bestBitsByDepth.values()));
    }
}
