package p2plab.gnutella.servent;

import p2plab.common.content.Content;
import p2plab.gnutella.message.GetRequest;
import p2plab.gnutella.message.GetResponse;
import p2plab.gnutella.message.GnutellaCodec;

/** Answers a download request from the shared files: 206 with the range asked for, or an error. */
final class Uploader {

    private Uploader() {
    }

    static GetResponse answer(SharedFiles files, GetRequest get) {
        Content c = files.get(get.index());
        if (c == null || !c.name().equals(get.name())) {
            return GetResponse.error(404);
        }
        if (get.first() >= c.size()) {
            return GetResponse.error(416);
        }
        long last = Math.min(get.last(), c.size() - 1);
        int length = (int) Math.min(last - get.first() + 1, GnutellaCodec.MAX_BODY_BYTES);
        return GetResponse.partial(get.first(), c.size(), c.read(get.first(), length));
    }
}
