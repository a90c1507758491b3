package p2plab.napster.peer;

import p2plab.common.content.Content;
import p2plab.common.transport.Link;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapMessage.Chunk;

/**
 * Serving one file to one downloader: chunks go out at most {@code window} ahead of the
 * downloader's acknowledgements, so many uploads share the uplink in turn instead of the first
 * one filling it.
 */
final class Upload {
    private final Link<NapMessage> link;
    private final Content content;
    private final int chunkSize;
    private final int window;
    private long next;
    private int inFlight;

    Upload(Link<NapMessage> link, Content content, long offset, int chunkSize, int window) {
        this.link = link;
        this.content = content;
        this.next = offset;
        this.chunkSize = chunkSize;
        this.window = window;
    }

    void start() {
        link.send(new NapMessage.GetAck(content.size()));
        pump();
    }

    void onAck() {
        inFlight = Math.max(0, inFlight - 1);
        pump();
    }

    private void pump() {
        long size = content.size();
        while (inFlight < window && next < size && link.isOpen()) {
            int length = (int) Math.min(chunkSize, size - next);
            link.send(new Chunk(next, content.read(next, length)));
            next += length;
            inFlight++;
        }
    }
}
