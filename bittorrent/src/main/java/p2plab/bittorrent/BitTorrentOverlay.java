package p2plab.bittorrent;

import java.util.function.Supplier;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.Transport;

/**
 * BitTorrent: a tracker (peer 0) introduces the peers of each torrent's swarm; they trade 16 KiB
 * blocks of SHA-1-checked pieces, choosing pieces rarest-first and uploading tit-for-tat.
 * Found by {@link java.util.ServiceLoader}.
 */
public final class BitTorrentOverlay implements Overlay {
    private final Supplier<PiecePicker> pickers;
    private final Supplier<Choker> chokers;

    /** Picker and choker chosen by the network's options ({@code picker}, {@code choker}). */
    public BitTorrentOverlay() {
        this(null, null);
    }

    /** Every peer gets a fresh picker and choker from these (the labs' graders pass students' classes). */
    public BitTorrentOverlay(Supplier<PiecePicker> pickers, Supplier<Choker> chokers) {
        this.pickers = pickers;
        this.chokers = chokers;
    }

    @Override
    public String name() {
        return "bittorrent";
    }

    @Override
    public String description() {
        return "swarming: a tracker introduces peers that trade pieces rarest-first and upload tit-for-tat";
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport) {
        return BitTorrentNetwork.start(spec, transport, pickers, chokers, Progress.NONE);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return BitTorrentNetwork.start(spec, transport, pickers, chokers, progress);
    }
}
