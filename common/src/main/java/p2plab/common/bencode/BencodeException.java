package p2plab.common.bencode;

/** Bytes that are not strict bencode; the message says what is wrong and where. */
public class BencodeException extends IllegalArgumentException {

    public BencodeException(String message) {
        super(message);
    }
}
