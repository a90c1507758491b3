package p2plab.gnutella.servent;

import p2plab.gnutella.message.Guid;

/**
 * Told when a search starts and stops using a GUID, so the caller can open and close the
 * transport's tally for it (the servent itself never counts messages).
 */
public interface SearchTracer {

    /** Called before the first message with {@code guid} is sent. */
    void opened(Guid guid);

    /** Called when the search ends; later messages with {@code guid} no longer count. */
    void closed(Guid guid);

    SearchTracer NONE = new SearchTracer() {
        @Override public void opened(Guid guid) { }
        @Override public void closed(Guid guid) { }
    };
}
