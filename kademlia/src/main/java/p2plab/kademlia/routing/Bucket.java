package p2plab.kademlia.routing;

import java.util.List;
import p2plab.kademlia.krpc.Contact;

/**
 * A k-bucket as the table saw it when asked: up to k nodes whose ids share exactly
 * {@link #prefix()} leading bits with the own id (the last bucket: at least that many), least
 * recently seen first, and its replacement cache of nodes that did not fit, newest last. A
 * snapshot, made on demand (the {@link RoutingTable} keeps its buckets in arrays).
 *
 * @param prefix       leading bits its ids share with the own id (also its index in the table)
 * @param entries      its nodes, least recently seen first
 * @param lastChanged  when a node was last added, seen again or refreshed
 * @param replacements nodes waiting for a place, newest last
 */
public record Bucket(int prefix, List<Entry> entries, long lastChanged, List<Contact> replacements) {
}
