package p2plab.napster.server;

import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.NapMessage;
import p2plab.common.transport.Link;

/** One client connection as the server sees it: who logged in on it and what it shares. */
final class Session {
    final Link<NapMessage> link;
    String nick;          // null until logged in
    String host;
    int dataPort;
    int linkType;
    long lastHeardNanos;
    final Map<String, SharedFile> files = new LinkedHashMap<>();

    Session(Link<NapMessage> link, long now) {
        this.link = link;
        this.lastHeardNanos = now;
    }

    boolean loggedIn() {
        return nick != null;
    }
}
