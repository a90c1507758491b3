package p2plab.common.overlay;

import java.util.List;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Json;

/**
 * How one download went.
 *
 * @param downloader     who downloaded
 * @param content        what
 * @param name           its file name
 * @param bytes          bytes of content received (the file size when complete)
 * @param durationMillis protocol time from start to the verified last byte
 * @param sources        where the bytes came from
 * @param verified       true when the bytes matched the content hash
 */
public record TransferResult(PeerId downloader, ContentId content, String name, long bytes, double durationMillis,
                             List<Source> sources, boolean verified) {

    public TransferResult {
        sources = List.copyOf(sources);
    }

    /** Bytes per second of protocol time. */
    public double rateBytesPerSec() {
        return durationMillis <= 0 ? 0 : bytes / (durationMillis / 1000.0);
    }

    /** One peer that supplied bytes. */
    public record Source(PeerId peer, long bytes) {
    }

    public String toJson() {
        return Json.write(this);
    }
}
