package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.QueryHit;

/**
 * Turning shared files into QueryHits, and QueryHits back into files to download. Each result
 * carries the file's SHA-256 as {@code urn:sha256:<hex>}, so the download can be verified.
 */
final class Answers {
    static final String URN = "urn:sha256:";
    /** Payload budget per QueryHit, below the codec's 64 KiB limit. */
    private static final int HIT_BYTES = 60_000;

    private Answers() {
    }

    /** QueryHits for the files of {@code files} at {@code indexes}: at most 255 results and ~60 KB each. */
    static List<QueryHit> hits(SharedFiles files, List<Integer> indexes, Address address, Guid serventId) {
        List<QueryHit> out = new ArrayList<>();
        List<QueryHit.Result> batch = new ArrayList<>();
        int bytes = 0;
        for (int index : indexes) {
            Content c = files.get(index);
            int size = c.name().length() * 3 + 8 + 2 + URN.length() + 64;
            if (batch.size() == QueryHit.MAX_RESULTS || bytes + size > HIT_BYTES) {
                out.add(new QueryHit(address, 1000, batch, serventId));
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(new QueryHit.Result(index, Math.min(c.size(), 0xFFFF_FFFFL), c.name(), URN + c.id().hex()));
            bytes += size;
        }
        if (!batch.isEmpty()) {
            out.add(new QueryHit(address, 1000, batch, serventId));
        }
        return out;
    }

    /** The downloadable files of a QueryHit that came {@code hops} hops; results without a valid hash are skipped. */
    static List<FoundFile> found(QueryHit hit, int hops) {
        List<FoundFile> out = new ArrayList<>();
        for (QueryHit.Result r : hit.results()) {
            if (!r.extension().startsWith(URN)) {
                continue; // without a hash the download could not be verified
            }
            try {
                ContentId id = new ContentId(r.extension().substring(URN.length()));
                out.add(new FoundFile(hit.address(), r.index(), r.name(), r.size(), id, hops));
            } catch (IllegalArgumentException e) {
                // a malformed hash: skip this result
            }
        }
        return out;
    }
}
