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
 * @param useTrackers    ask the torrent's trackers for peers ({@code false}: {@code --no-tracker}, only the
 *                       {@link p2plab.bittorrent.discovery.PeerSource}s added to the client)
 */
public record ClientOptions(Supplier<PiecePicker> picker, Supplier<Choker> choker, PeerConfig peer, int numwant,
                            Duration maxReannounce, boolean useTrackers) {

    public static ClientOptions defaults() {
        return new ClientOptions(RarestFirstPicker::new, TitForTatChoker::new, PeerConfig.DEFAULTS, 50, Duration.ofMinutes(30), true);
    }

    /** Never talks to a tracker, whatever the torrent names: peers come only from the added sources. */
    public ClientOptions withoutTracker() {
        return new ClientOptions(picker, choker, peer, numwant, maxReannounce, false);
    }

    public ClientOptions withPicker(Supplier<PiecePicker> p) {
        return new ClientOptions(p, choker, peer, numwant, maxReannounce, useTrackers);
    }

    public ClientOptions withChoker(Supplier<Choker> c) {
        return new ClientOptions(picker, c, peer, numwant, maxReannounce, useTrackers);
    }

    public ClientOptions withPeer(PeerConfig p) {
        return new ClientOptions(picker, choker, p, numwant, maxReannounce, useTrackers);
    }

    public ClientOptions withMaxReannounce(Duration d) {
        return new ClientOptions(picker, choker, peer, numwant, d, useTrackers);
    }
}
