package p2plab.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every message a transport carries, counted by the transport itself: per peer, per overlay,
 * per message type; plus {@link Tally tallies} for messages that carry a trace key.
 *
 * <p>Drivers call {@link #sent}, {@link #received}, {@link #dropped}, {@link #rejected} and
 * {@link #handlerFailed}; everyone else reads {@link #snapshot()}, {@link #peer(String)} or
 * {@link #handlerErrors()}.
 */
public final class Metrics {
    private final LongSupplier clockNanos;
    private final List<String> typeNames = new ArrayList<>();      // "overlay/Type" by type id
    /** The same names, republished on each registration, so the per-message tally path reads them without the lock. */
    private volatile String[] typeNameArray = new String[0];
    private final Map<String, Integer> typeBases = new ConcurrentHashMap<>();
    private final List<PeerCounters> peers = new ArrayList<>();
    private final Map<Object, Tally> tallies = new ConcurrentHashMap<>();
    private volatile boolean anyTally;
    private volatile String firstHandlerError;
    private volatile MessageListener listener;

    public Metrics(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
    }

    /**
     * Registers an overlay's message types and returns the id of its first type; the id of
     * type code {@code c} is {@code base + c}. Registering the same list again returns the same base.
     */
    public synchronized int registerTypes(String overlay, List<String> types) {
        String key = overlay + "|" + String.join(",", types);
        Integer base = typeBases.get(key);
        if (base != null) {
            return base;
        }
        int newBase = typeNames.size();
        for (String t : types) {
            typeNames.add(overlay + "/" + t);
        }
        typeBases.put(key, newBase);
        typeNameArray = typeNames.toArray(String[]::new);
        return newBase;
    }

    /** Counters for a new node; they stay in the metrics after the node dies. */
    public synchronized PeerCounters newPeer(String label) {
        PeerCounters c = new PeerCounters(label);
        peers.add(c);
        return c;
    }

    /** True when someone wants trace keys: an open tally or a {@link MessageListener}. */
    public boolean tracing() {
        return anyTally || listener != null;
    }

    /** Sets (or with {@code null} removes) the one listener that hears every message. */
    public void listen(MessageListener l) {
        listener = l;
    }

    // ---- called by the drivers ----

    public void sent(PeerCounters from, int typeId, int bytes, Object traceKey) {
        from.add(typeId, PeerCounters.SENT_MESSAGES, 1);
        from.add(typeId, PeerCounters.SENT_BYTES, bytes);
        MessageListener l = listener;
        if (l != null) {
            l.sent(from.label(), typeName(typeId), traceKey);
        }
        if (traceKey != null && anyTally) {
            Tally t = tallies.get(traceKey);
            if (t != null) {
                t.sent(typeName(typeId), bytes);
            }
        }
    }

    public void received(PeerCounters to, int typeId, int bytes, Object traceKey) {
        to.add(typeId, PeerCounters.RECEIVED_MESSAGES, 1);
        to.add(typeId, PeerCounters.RECEIVED_BYTES, bytes);
        MessageListener l = listener;
        if (l != null) {
            l.delivered(to.label(), typeName(typeId), traceKey);
        }
        if (traceKey != null && anyTally) {
            Tally t = tallies.get(traceKey);
            if (t != null) {
                t.received(typeName(typeId), to.label());
            }
        }
    }

    /** A message {@code from} sent that will never arrive. */
    public void dropped(PeerCounters from, int typeId) {
        from.add(typeId, PeerCounters.DROPPED, 1);
    }

    /** A malformed or oversized frame that {@code to} refused, or a connection over its limit. */
    public void rejected(PeerCounters to) {
        to.addRejected();
    }

    /**
     * {@code at}'s protocol code threw ({@code what}: a callback, a timer, a task). The driver
     * has already closed the link concerned and logged it; the count lets an experiment refuse
     * to report figures that a bug, not the network, produced.
     */
    public void handlerFailed(PeerCounters at, String what) {
        at.addHandlerError();
        if (firstHandlerError == null) {
            firstHandlerError = at.label() + ": " + what;
        }
    }

    // ---- tallies ----

    /** Starts counting the messages that carry {@code key}. */
    public Tally openTally(Object key) {
        Tally t = new Tally(key);
        tallies.put(key, t);
        anyTally = true;
        return t;
    }

    /** Stops counting for {@code key}; the tally keeps its figures. */
    public void closeTally(Object key) {
        tallies.remove(key);
        anyTally = !tallies.isEmpty();
    }

    // ---- reading ----

    public String typeName(int typeId) {
        return typeNameArray[typeId];
    }

    /** How many times protocol code threw, over all peers. */
    public synchronized long handlerErrors() {
        long n = 0;
        for (PeerCounters p : peers) {
            n += p.handlerErrors();
        }
        return n;
    }

    /** How many times the protocol code of the peer(s) labelled {@code label} threw. */
    public synchronized long handlerErrors(String label) {
        long n = 0;
        for (PeerCounters p : peers) {
            if (p.label().equals(label)) {
                n += p.handlerErrors();
            }
        }
        return n;
    }

    /** The first error counted by {@link #handlerFailed}, "label: what", or null when none was. */
    public String firstHandlerError() {
        return firstHandlerError;
    }

    /**
     * Zeroes every message counter (call it while the network is quiet). Handler errors stay:
     * a bug during a warm-up still spoils what follows.
     */
    public synchronized void reset() {
        for (PeerCounters p : peers) {
            p.reset();
        }
    }

    /** Counts of one peer by {@code overlay/Type}, only the types it used. */
    public synchronized Map<String, Counts> peer(String label) {
        Map<String, Counts> byType = new TreeMap<>();
        for (PeerCounters p : peers) {
            if (p.label().equals(label)) {
                for (int t = 0; t < Math.min(p.typeCapacity(), typeNames.size()); t++) {
                    Counts c = p.forType(t);
                    if (!c.isZero()) {
                        byType.merge(typeNames.get(t), c, Counts::plus);
                    }
                }
                if (p.rejected() > 0) {
                    byType.merge("rejected", new Counts(0, 0, 0, 0, 0, p.rejected()), Counts::plus);
                }
            }
        }
        return byType;
    }

    public synchronized MetricsSnapshot snapshot() {
        Map<String, Counts> byType = new TreeMap<>();
        Map<String, Counts> byOverlay = new TreeMap<>();
        Map<String, Counts> byPeer = new LinkedHashMap<>();
        Counts total = Counts.ZERO;
        for (PeerCounters p : peers) {
            Counts peerTotal = Counts.ZERO;
            int types = Math.min(p.typeCapacity(), typeNames.size());
            for (int t = 0; t < types; t++) {
                Counts c = p.forType(t);
                if (c.isZero()) {
                    continue;
                }
                String name = typeNames.get(t);
                byType.merge(name, c, Counts::plus);
                byOverlay.merge(name.substring(0, name.indexOf('/')), c, Counts::plus);
                peerTotal = peerTotal.plus(c);
            }
            if (p.rejected() > 0) {
                peerTotal = peerTotal.plus(new Counts(0, 0, 0, 0, 0, p.rejected()));
            }
            byPeer.merge(p.label(), peerTotal, Counts::plus);
            total = total.plus(peerTotal);
        }
        return new MetricsSnapshot(clockNanos.getAsLong() / 1e6, total, byOverlay, byType, byPeer);
    }
}
