package p2plab.gnutella.message;

import java.util.List;
import p2plab.common.transport.Address;
import p2plab.common.transport.Utf8;

/**
 * QueryHit (0x81): the files a servent has that match a Query; travels back along the Query's
 * path. Each result carries the file's SHA-256 in its extension field as {@code urn:sha256:<hex>}.
 *
 * @param address   where to download from
 * @param speed     the responder's speed in kbit/s (informational)
 * @param results   the matching files, at most 255
 * @param serventId the responder's 16-byte id
 */
public record QueryHit(Address address, long speed, List<Result> results, Guid serventId) implements Payload {
    public static final int TYPE = 0x81;
    public static final int MAX_RESULTS = 255;

    /** One matching file: its index on the responder, size, name and extension text. */
    public record Result(long index, long size, String name, String extension) {
        public Result {
            if (index < 0 || index > 0xFFFF_FFFFL || size < 0 || size > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("index and size are u32, got " + index + ", " + size);
            }
            if (name == null || name.indexOf('\0') >= 0 || extension == null || extension.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("file name and extension are text without NUL");
            }
        }

        int wireSize() {
            return 8 + Utf8.length(name) + 1 + Utf8.length(extension) + 1;
        }
    }

    public QueryHit {
        address.ipv4();
        results = List.copyOf(results);
        if (results.isEmpty() || results.size() > MAX_RESULTS) {
            throw new IllegalArgumentException("a QueryHit carries 1.." + MAX_RESULTS + " results, got " + results.size());
        }
        if (speed < 0 || speed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("speed is u32, got " + speed);
        }
    }

    @Override
    public int typeCode() {
        return TYPE;
    }

    @Override
    public int size() {
        int n = 1 + 2 + 4 + 4 + Guid.BYTES;
        for (Result r : results) {
            n += r.wireSize();
        }
        return n;
    }
}
