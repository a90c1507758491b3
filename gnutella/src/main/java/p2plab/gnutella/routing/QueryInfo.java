package p2plab.gnutella.routing;

import p2plab.gnutella.message.Guid;

/**
 * A query about to be sent on, as a {@link ForwardingRule} sees it.
 *
 * @param guid       the query's GUID
 * @param text       what it searches for
 * @param ttl        the TTL the copies will carry (already decremented when forwarding)
 * @param hops       the hops the copies will carry
 * @param originated true when this servent starts the query, false when it forwards one
 */
public record QueryInfo(Guid guid, String text, int ttl, int hops, boolean originated) {
}
