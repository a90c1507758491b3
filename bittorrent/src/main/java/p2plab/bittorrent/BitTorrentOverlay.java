package p2plab.bittorrent;

import java.util.function.Supplier;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.discovery.PeerSourceFactory;
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
    private final PeerSourceFactory sources;

    /** Picker and choker chosen by the network's options ({@code picker}, {@code choker}). */
    public BitTorrentOverlay() {
        this(null, null);
    }

    /** Every peer gets a fresh picker and choker from these (the labs' graders pass students' classes). */
    public BitTorrentOverlay(Supplier<PiecePicker> pickers, Supplier<Choker> chokers) {
        this(pickers, chokers, PeerSourceFactory.NONE);
    }

    /**
     * As above, and every peer also finds peers through the sources {@code sources} opens for it
     * (a DHT, say); with the option {@code trackerless=true} those are its only sources.
     * Null pickers or chokers: chosen by the options.
     */
    public BitTorrentOverlay(Supplier<PiecePicker> pickers, Supplier<Choker> chokers, PeerSourceFactory sources) {
        this.pickers = pickers;
        this.chokers = chokers;
        this.sources = sources;
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
        return BitTorrentNetwork.start(spec, transport, pickers, chokers, Progress.NONE, sources);
    }

    @Override
    public Network create(NetworkSpec spec, Transport transport, Progress progress) {
        return BitTorrentNetwork.start(spec, transport, pickers, chokers, progress, sources);
    }
}
