package p2plab.gnutella.servent;

import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;

/**
 * One result of a QueryHit, as the asker keeps it: enough to download the file directly.
 *
 * @param holder  the responder's listening address
 * @param index   the file's index on the responder
 * @param content the SHA-256 from the result's {@code urn:sha256:} extension
 * @param hops    overlay hops between asker and responder
 */
public record FoundFile(Address holder, long index, String name, long size, ContentId content, int hops) {
}
