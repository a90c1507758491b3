package p2plab.labs.commands.torrent;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.labs.session.LabException;

/**
 * What {@code get} was asked to fetch, a magnet link or a .torrent, checked up front: it must be
 * readable, and there must be some way to find its peers (a tracker, the DHT, peers in the link).
 *
 * @param magnet  the link, or null for a .torrent
 * @param meta    the .torrent, or null for a magnet link (its metadata comes from the peers)
 * @param tracker the tracker asked for peers, or null (none named, or --no-tracker)
 * @param dht     peers are looked up in the DHT too
 */
record Wanted(MagnetLink magnet, Metainfo meta, String tracker, boolean dht) {

    /**
     * Reads {@code target} (a magnet link, or the path of a .torrent) and checks it can be fetched.
     *
     * @param noTracker the user said --no-tracker
     * @param dht       peers will be looked up in the DHT too
     */
    static Wanted parse(String target, boolean noTracker, boolean dht) {
        boolean isMagnet = target.regionMatches(true, 0, "magnet:", 0, "magnet:".length());
        MagnetLink magnet = isMagnet ? readMagnet(target) : null;
        Metainfo meta = isMagnet ? null : TorrentSupport.readTorrent(path(target));
        List<String> trackers = isMagnet ? magnet.trackers() : meta.announce() == null ? List.of() : List.of(meta.announce());
        if (meta != null && DiskStore.refusal(meta) != null) {
            throw new LabException("cannot download " + target + ": " + TorrentSupport.printable(DiskStore.refusal(meta))
                    + "; make it again with `torrent create <path>`");
        }
        String tracker = noTracker || trackers.isEmpty() ? null : trackers.get(0);
        boolean peersInLink = isMagnet && !magnet.peers().isEmpty();
        if (tracker != null && !tracker.startsWith("http://") && !dht && !peersInLink) {
            throw new LabException("cannot download " + target + ": its tracker URL is not http:// (only HTTP trackers are supported)"
                    + " ('" + TorrentSupport.printable(tracker) + "'); find peers through the DHT with --dht-bootstrap HOST:PORT"
                    + (isMagnet ? "" : ", or make it again with `torrent create <path> --tracker http://...`"));
        }
        if (tracker == null && !dht && !peersInLink) {
            String where = "find peers through the DHT with --dht-bootstrap HOST:PORT (`dht node` prints one)";
            if (noTracker) {
                throw new LabException("--no-tracker leaves no way to find peers; " + where);
            }
            throw new LabException(isMagnet ? "the magnet link names no tracker and no peer, so there is no one to ask; " + where
                    : target + " names no tracker, so there is no one to ask for peers; " + where
                    + ", or make it again with `torrent create <path> --tracker URL`");
        }
        return new Wanted(magnet, meta, tracker, dht);
    }

    private static MagnetLink readMagnet(String text) {
        try {
            return MagnetLink.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LabException("bad magnet link: " + TorrentSupport.oneLine(e.getMessage())
                    + "; give the whole link in quotes, as `torrent magnet <file.torrent>` prints it");
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new LabException("'" + TorrentSupport.printable(text) + "' is neither a magnet link (magnet:?xt=urn:btih:...) nor a .torrent file");
        }
    }

    String infoHashHex() {
        return meta != null ? meta.infoHashHex() : magnet.infoHashHex();
    }

    /** As the user knows it: the torrent's name, else the link's {@code dn}, else the start of the info hash. */
    String name() {
        String n = meta != null ? meta.name() : magnet.name();
        return n.isEmpty() ? "the torrent " + infoHashHex().substring(0, 12) : TorrentSupport.printable(n);
    }

    /** The tracker is the only way to find peers (so a tracker that does not answer ends the download). */
    boolean onlyTracker() {
        return tracker != null && !dht && (magnet == null || magnet.peers().isEmpty());
    }

    /** Where peers are looked for, for the "finding peers" line. */
    String sources(UdpDhtNode dht) {
        List<String> ways = new ArrayList<>();
        if (dht != null) {
            ways.add("the DHT (our node " + dht.address() + ")");
        }
        if (tracker != null) {
            ways.add("the tracker " + TorrentSupport.printable(tracker));
        }
        if (magnet != null && !magnet.peers().isEmpty()) {
            ways.add(magnet.peers().size() + (magnet.peers().size() == 1 ? " peer" : " peers") + " named in the link");
        }
        return String.join(" and ", ways);
    }

    /** The store for the data under {@code folder}; a name that would escape it is a one-line refusal. */
    DiskStore diskStore(Metainfo m, Path folder) {
        try {
            return new DiskStore(m, folder);
        } catch (IllegalArgumentException e) {
            throw new LabException("cannot download " + name() + ": " + TorrentSupport.oneLine(e.getMessage()));
        }
    }
}
