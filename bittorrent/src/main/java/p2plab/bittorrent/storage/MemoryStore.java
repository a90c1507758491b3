package p2plab.bittorrent.storage;

import java.util.HashMap;
import java.util.Map;

/** Pieces in memory (simulation, tests); only written pieces take space. */
public final class MemoryStore implements PieceStore {
    private final int pieceLength;
    private final Map<Integer, byte[]> pieces = new HashMap<>();

    public MemoryStore(int pieceLength) {
        this.pieceLength = pieceLength;
    }

    @Override
    public byte[] read(long offset, int length) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            long at = offset + done;
            int piece = (int) (at / pieceLength);
            int within = (int) (at % pieceLength);
            int n = Math.min(length - done, pieceLength - within);
            byte[] p = pieces.get(piece);
            if (p != null) {
                System.arraycopy(p, within, out, done, n);
            }
            done += n;
        }
        return out;
    }

    @Override
    public void write(long offset, byte[] data) {
        for (int done = 0; done < data.length; ) {
            long at = offset + done;
            int piece = (int) (at / pieceLength);
            int within = (int) (at % pieceLength);
            int n = Math.min(data.length - done, pieceLength - within);
            System.arraycopy(data, done, pieces.computeIfAbsent(piece, k -> new byte[pieceLength]), within, n);
            done += n;
        }
    }

    @Override
    public boolean mayHold(long offset, int length) {
        return pieces.containsKey((int) (offset / pieceLength));
    }
}
