package p2plab.gnutella.message;

/** Ping (0x00): "who is out there?"; no payload. */
public record Ping() implements Payload {
    public static final int TYPE = 0x00;
    public static final Ping INSTANCE = new Ping();

    @Override
    public int typeCode() {
        return TYPE;
    }

    @Override
    public int size() {
        return 0;
    }
}
