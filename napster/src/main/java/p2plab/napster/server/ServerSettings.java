package p2plab.napster.server;

import java.time.Duration;

/**
 * What a student can tune on the index server.
 *
 * @param maxResults       most results one search returns, whatever the client asks (OpenNap: 100)
 * @param heartbeatTimeout a logged-in peer silent this long is dropped from the index
 * @param maxShared        most files one session may have in the index; a Share beyond it is
 *                         refused with an error message (OpenNap has a limit of the same kind)
 */
public record ServerSettings(int maxResults, Duration heartbeatTimeout, int maxShared) {

    public static final ServerSettings DEFAULTS = new ServerSettings(100, Duration.ofSeconds(30), 5_000);

    public ServerSettings {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be >= 1, got " + maxResults);
        }
        if (maxShared < 1) {
            throw new IllegalArgumentException("maxShared must be >= 1, got " + maxShared);
        }
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeatTimeout must be positive, got " + heartbeatTimeout);
        }
    }
}
