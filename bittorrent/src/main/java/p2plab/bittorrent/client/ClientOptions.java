package p2plab.bittorrent.client;

import java.time.Duration;
import java.util.function.Supplier;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.TitForTatChoker;
import p2plab.bittorrent.peer.PeerConfig;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.picker.RarestFirstPicker;

/**
 * How a {@link Client} behaves.
 *
 * @param picker         a fresh piece picker per torrent
 * @param choker         a fresh choker per torrent
 * @param peer           wire knobs (pipeline, rechoke period...)
 * @param numwant        peers asked of the tracker per announce
 * @param maxReannounce  announce at least this often, whatever interval the tracker asks for
 */
public record ClientOptions(Supplier<PiecePicker> picker, Supplier<Choker> choker, PeerConfig peer, int numwant,
                            Duration maxReannounce) {

    public static ClientOptions defaults() {
        return new ClientOptions(RarestFirstPicker::new, TitForTatChoker::new, PeerConfig.DEFAULTS, 50, Duration.ofMinutes(30));
    }

    public ClientOptions withPicker(Supplier<PiecePicker> p) {
        return new ClientOptions(p, choker, peer, numwant, maxReannounce);
    }

    public ClientOptions withChoker(Supplier<Choker> c) {
        return new ClientOptions(picker, c, peer, numwant, maxReannounce);
    }

    public ClientOptions withPeer(PeerConfig p) {
        return new ClientOptions(picker, choker, p, numwant, maxReannounce);
    }

    public ClientOptions withMaxReannounce(Duration d) {
        return new ClientOptions(picker, choker, peer, numwant, d);
    }
}
