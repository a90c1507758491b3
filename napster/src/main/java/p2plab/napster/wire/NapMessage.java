package p2plab.napster.wire;

import java.util.Arrays;

/**
 * One Napster message. Each record is one message type of {@link MessageType}; the field
 * order is the order on the wire (see {@link NapsterCodec} for the layouts).
 */
public sealed interface NapMessage {

    MessageType type();

    /** 0: the server refuses a login (nickname taken, bad port...). */
    record LoginError(String text) implements NapMessage {
        public MessageType type() { return MessageType.LOGIN_ERROR; }
    }

    /** 2: {@code <nick> <password> <data port> "<client>" <link type>}. */
    record Login(String nick, String password, int port, String client, int linkType) implements NapMessage {
        public MessageType type() { return MessageType.LOGIN; }
    }

    /** 3: the login was accepted; OpenNap sends the user's e-mail address. */
    record LoginAck(String email) implements NapMessage {
        public MessageType type() { return MessageType.LOGIN_ACK; }
    }

    /** 100: one shared file; {@code hash} is the content's SHA-256 where OpenNap had an MD5. */
    record Share(String file, String hash, long size) implements NapMessage {
        public MessageType type() { return MessageType.SHARE; }
    }

    /** 102: the file is no longer shared. */
    record Unshare(String file) implements NapMessage {
        public MessageType type() { return MessageType.UNSHARE; }
    }

    /** 200: {@code searchId} ties the results and the end marker to this search. */
    record Search(String searchId, String text, int maxResults) implements NapMessage {
        public MessageType type() { return MessageType.SEARCH; }
    }

    /**
     * 201: one hit: a file, and the logged-in peer that shares it. {@code encoded} is null, or
     * the same fields already encoded by the server ({@link EncodedHit#forSearch}); it only
     * saves the codec work and is not part of the message's value.
     */
    record SearchResult(String searchId, String file, String hash, long size, String nick, String ip, int linkType,
                        EncodedHit encoded) implements NapMessage {
        public SearchResult(String searchId, String file, String hash, long size, String nick, String ip, int linkType) {
            this(searchId, file, hash, size, nick, ip, linkType, null);
        }

        public MessageType type() { return MessageType.SEARCH_RESULT; }

        @Override
        public boolean equals(Object o) {
            return o instanceof SearchResult r && r.size == size && r.linkType == linkType
                    && java.util.Objects.equals(r.searchId, searchId) && java.util.Objects.equals(r.file, file)
                    && java.util.Objects.equals(r.hash, hash) && java.util.Objects.equals(r.nick, nick)
                    && java.util.Objects.equals(r.ip, ip);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(searchId, file, hash, size, nick, ip, linkType);
        }

        @Override
        public String toString() {
            return "SearchResult[searchId=" + searchId + ", file=" + file + ", hash=" + hash + ", size=" + size
                    + ", nick=" + nick + ", ip=" + ip + ", linkType=" + linkType + "]";
        }
    }

    /** 202: no more results for this search. */
    record SearchEnd(String searchId) implements NapMessage {
        public MessageType type() { return MessageType.SEARCH_END; }
    }

    /** 203: where can I fetch {@code file} from {@code nick}? */
    record DownloadRequest(String nick, String file) implements NapMessage {
        public MessageType type() { return MessageType.DOWNLOAD_REQUEST; }
    }

    /** 204: connect to {@code ip:port} and ask for {@code file}. */
    record DownloadAck(String nick, String ip, int port, String file, String hash, int linkType) implements NapMessage {
        public MessageType type() { return MessageType.DOWNLOAD_ACK; }
    }

    /** 206: {@code nick} is not logged in or does not share {@code file}. */
    record GetError(String nick, String file) implements NapMessage {
        public MessageType type() { return MessageType.GET_ERROR; }
    }

    /** 211: list the files of {@code nick}. */
    record Browse(String nick) implements NapMessage {
        public MessageType type() { return MessageType.BROWSE; }
    }

    /** 212: one file of the browsed peer. */
    record BrowseResult(String nick, String file, String hash, long size) implements NapMessage {
        public MessageType type() { return MessageType.BROWSE_RESULT; }
    }

    /** 213: end of the browse of {@code nick}. */
    record BrowseEnd(String nick) implements NapMessage {
        public MessageType type() { return MessageType.BROWSE_END; }
    }

    /** 404: a general error, e.g. the client sent a malformed frame. */
    record ErrorMessage(String text) implements NapMessage {
        public MessageType type() { return MessageType.ERROR_MESSAGE; }
    }

    /** 750: the client's heartbeat to the server; empty body. */
    record Ping() implements NapMessage {
        public MessageType type() { return MessageType.PING; }
    }

    /** 3000: on a data connection, send me {@code file} from byte {@code offset} on. */
    record Get(String nick, String file, long offset) implements NapMessage {
        public MessageType type() { return MessageType.GET; }
    }

    /** 3001: the answer to Get: the file's full size; chunks follow. */
    record GetAck(long size) implements NapMessage {
        public MessageType type() { return MessageType.GET_ACK; }
    }

    /** 3002: {@code data} is the file's bytes at {@code offset}. */
    record Chunk(long offset, byte[] data) implements NapMessage {
        public MessageType type() { return MessageType.CHUNK; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c && c.offset == offset && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Chunk[offset=" + offset + ", " + data.length + " bytes]";
        }
    }

    /** 3003: every byte before {@code received} arrived; the uploader may send one more chunk. */
    record ChunkAck(long received) implements NapMessage {
        public MessageType type() { return MessageType.CHUNK_ACK; }
    }

    /**
     * A frame the decoder refused (unknown type, broken field, oversized). It never goes on the
     * wire; the receiver answers it with an {@link ErrorMessage}.
     *
     * @param code      the type number in the frame header
     * @param oversized true when the frame was longer than its type allows
     */
    record Invalid(int code, String reason, boolean oversized) implements NapMessage {
        public MessageType type() { return MessageType.INVALID; }
    }
}
