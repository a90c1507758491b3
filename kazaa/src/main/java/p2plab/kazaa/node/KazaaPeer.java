package p2plab.kazaa.node;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import p2plab.common.collect.ArrayMap;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Metrics;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.SendQueue;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.supernode.Supernode;
import p2plab.kazaa.supernode.SupernodeHost;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaFormat;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.KazaaMessage.AttachAck;
import p2plab.kazaa.wire.KazaaMessage.DownloadData;
import p2plab.kazaa.wire.KazaaMessage.DownloadRefused;
import p2plab.kazaa.wire.KazaaMessage.DownloadRequest;
import p2plab.kazaa.wire.KazaaMessage.RoleChange;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/**
 * One Kazaa peer: the handler the transport calls. It plays one of two roles at a time, an
 * {@link OrdinaryNode} or a {@link Supernode}, and switches when the election promotes or
 * demotes it. Whatever its role it shares files, serves downloads directly, and runs its own
 * searches and downloads.
 */
public final class KazaaPeer implements PeerHandler<KazaaMessage>, SupernodeHost, OrdinaryHost {
    /** How many supernodes a peer asks the bootstrap for. */
    static final int BOOTSTRAP_LIST = 5;
    /** Bytes that may wait on one link (four download pipelines of chunks); beyond, dropped and counted. */
    static final int SEND_QUEUE_BYTES = 4 * DownloadSession.PIPELINE * KazaaFormat.CHUNK;
    private static final KazaaFormat FORMAT = new KazaaFormat();

    private final int id;
    private final PeerSpec spec;
    private final KazaaSettings settings;
    private final SupernodeElection election;
    private final Bootstrap bootstrap;
    private final Metrics metrics;
    // Small array maps: a simulation holds a million peers sharing a handful of files each.
    private final Map<ContentId, Content> shared = new ArrayMap<>();
    /** Searches running, and the holders they found: made at the first search (most simulated peers never search). */
    private Map<Guid, SearchSession> searches = Map.of();
    private Map<ContentId, Set<FoundFile>> sources = Map.of();
    /** Backpressure per link, for what remote peers can make us send in bulk; made on first need, like its table. */
    private Map<Link<KazaaMessage>, SendQueue<KazaaMessage>> queues = Map.of();
    private Node<KazaaMessage> node;
    private long startedNanos;
    private OrdinaryNode ordinary;
    private Supernode supernode;
    private volatile PeerStatus status = PeerStatus.STARTING;
    private volatile PeerRef self;

    public KazaaPeer(int id, PeerSpec spec, KazaaSettings settings, SupernodeElection election, Bootstrap bootstrap,
                     Metrics metrics) {
        this.id = id;
        this.spec = spec;
        this.settings = settings;
        this.election = election;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
    }

    /** Binds the peer to its transport node; call once, before anything runs on it. */
    public void bind(Node<KazaaMessage> n, List<Content> files) {
        this.node = n;
        this.startedNanos = n.clock().nanos();
        self = new PeerRef(id, n.address());
        for (Content c : files) {
            shared.put(c.id(), c);
        }
    }

    // ---- starting a role (on the peer's thread) ----

    /** Starts as a supernode linked to {@code links}. */
    public void startAsSupernode(List<PeerRef> links) {
        supernode = new Supernode(this);
        supernode.start(List.of(), null, false);
        for (PeerRef r : links) {
            supernode.linkTo(r);
        }
        bootstrap.roleChanged(self(), true);
        changed();
    }

    /** Starts as an ordinary node that tries {@code supernodes} in order. */
    public void startAsOrdinary(List<PeerRef> supernodes) {
        ordinary = new OrdinaryNode(this);
        changed();
        ordinary.start(supernodes);
    }

    // ---- transport events ----

    @Override
    public void onMessage(Link<KazaaMessage> link, KazaaMessage m) {
        if (m instanceof KazaaMessage.Attach a) {
            if (supernode != null) {
                supernode.onAttach(link, a);
            } else {
                link.send(new AttachAck(false, ordinary == null ? List.of() : ordinary.knownSupernodes()));
            }
        } else if (m instanceof AttachAck a) {
            if (ordinary != null) {
                ordinary.onAttachAck(link, a);
            }
        } else if (m instanceof KazaaMessage.FileList f) {
            if (supernode != null) {
                supernode.onFileList(link, f);
            }
        } else if (m instanceof KazaaMessage.Query q) {
            if (supernode != null) {
                supernode.onQuery(link, q); // an ordinary node never forwards a query
            }
        } else if (m instanceof KazaaMessage.QueryHit h) {
            if (supernode != null) {
                supernode.onQueryHit(h);
            } else if (ordinary != null && link == ordinary.parentLink()) {
                onOwnHit(h);
            }
        } else if (m instanceof KazaaMessage.SupernodeHello h) {
            if (supernode != null) {
                supernode.onHello(link, h);
            } else {
                link.send(new RoleChange(RoleChange.Change.DEMOTE, ordinary == null ? List.of() : ordinary.knownSupernodes()));
                link.close();
            }
        } else if (m instanceof RoleChange rc) {
            if (rc.change() == RoleChange.Change.PROMOTE && ordinary != null) {
                ordinary.onRoleChange(link, rc);
            } else if (rc.change() == RoleChange.Change.DEMOTE && supernode != null) {
                supernode.onNeighbourDemoted(link, rc);
            }
        } else if (m instanceof KazaaMessage.RefreshList r) {
            if (ordinary != null) {
                ordinary.onRefresh(link, r);
            }
        } else if (m instanceof DownloadRequest r) {
            serve(link, r);
        } else if (m instanceof DownloadData d) {
            if (link.attachment() instanceof DownloadSession s) {
                s.onData(d);
            }
        } else if (m instanceof DownloadRefused r) {
            if (link.attachment() instanceof DownloadSession s) {
                s.onRefused(r);
            }
        }
        changed();
    }

    @Override
    public void onWritable(Link<KazaaMessage> link) {
        SendQueue<KazaaMessage> q = queues.get(link);
        if (q != null) {
            q.drain();
        }
    }

    @Override
    public void sendQueued(Link<KazaaMessage> link, KazaaMessage message) {
        if (queues.isEmpty()) {
            queues = new IdentityHashMap<>(4);
        }
        queues.computeIfAbsent(link, l -> new SendQueue<>(l, FORMAT::sizeOf, SEND_QUEUE_BYTES)).send(message);
    }

    @Override
    public void onClosed(Link<KazaaMessage> link, String reason) {
        SendQueue<KazaaMessage> q = queues.isEmpty() ? null : queues.remove(link);
        if (q != null) {
            q.clear();
        }
        if (link.attachment() instanceof DownloadSession s) {
            s.onClosed();
        } else if (supernode != null) {
            supernode.onClosed(link);
        } else if (ordinary != null) {
            ordinary.onClosed(link);
        }
        changed();
    }

    // ---- sharing and downloads ----

    /** Adds a file to what this peer shares and tells its supernode (or its own index). */
    public void share(Content content) {
        shareAll(List.of(content));
    }

    /** Adds the files, in order, and tells the supernode (or its own index) once: the same index as file by file. */
    public void shareAll(List<? extends Content> contents) {
        for (Content content : contents) {
            shared.put(content.id(), content);
        }
        if (supernode != null) {
            supernode.reindexSelf();
        } else if (ordinary != null) {
            ordinary.sharesChanged();
        }
        changed();
    }

    /** Holder side: one chunk straight from our shared files. */
    private void serve(Link<KazaaMessage> link, DownloadRequest r) {
        Content c = shared.get(r.content());
        if (c == null) {
            sendQueued(link, new DownloadRefused(r.content(), "not shared here"));
        } else if (r.offset() + r.length() > c.size()) {
            sendQueued(link, new DownloadRefused(r.content(), "range beyond the end of the file"));
        } else {
            sendQueued(link, new DownloadData(r.content(), r.offset(), c.size(), c.read(r.offset(), r.length())));
        }
    }

    /** Downloads {@code what} from the holders our searches found. */
    public void download(ContentId what, DownloadProgress progress, CompletableFuture<TransferResult> result) {
        List<FoundFile> from = new ArrayList<>();
        for (FoundFile f : sources.getOrDefault(what, Set.of())) {
            if (f.holder().id() != id) {
                from.add(f);
            }
        }
        if (from.isEmpty()) {
            result.completeExceptionally(new OverlayException("peer " + id + " knows no holder of " + what.shortHex()
                    + "; search for the file from this peer first"));
            return;
        }
        new DownloadSession(node, PeerId.of(id), from, progress, result).start();
    }

    // ---- searching ----

    /** Asks the overlay; the result completes when the search window closes. */
    public void search(Query query, CompletableFuture<SearchResult> result) {
        Guid guid = Guid.random(node.random());
        int ttl = query.ttl() == 0 ? settings.ttl() : query.ttl();
        SearchSession s = new SearchSession(guid, PeerId.of(id), query, metrics, node.clock().nanos(),
                supernode != null ? id : -1, result);
        if (searches.isEmpty()) {
            searches = new ArrayMap<>();
        }
        searches.put(guid, s);
        String keywords = String.join(" ", query.keywords());
        if (supernode != null) {
            supernode.startQuery(guid, ttl, keywords);
        } else if (ordinary != null && ordinary.parentLink() != null) {
            ordinary.parentLink().send(new KazaaMessage.Query(guid, ttl, 0, keywords));
        } // else: between supernodes (failing over); the search finds nothing but still ends
        node.clock().schedule(settings.searchWindow(), () -> {
            searches.remove(guid);
            s.finish(node.clock().nanos());
        });
    }

    @Override
    public void onOwnHit(KazaaMessage.QueryHit hit) {
        SearchSession s = searches.get(hit.guid());
        if (s == null) {
            return; // the search is over: late hits are dropped
        }
        s.onHit(hit, node.clock().nanos());
        if (sources.isEmpty()) {
            sources = new ArrayMap<>();
        }
        for (FoundFile f : hit.files()) {
            sources.computeIfAbsent(f.file().content(), k -> new LinkedHashSet<>()).add(f);
        }
    }

    // ---- role changes ----

    @Override
    public void becomeSupernode(List<PeerRef> known, Link<KazaaMessage> link) {
        if (ordinary != null) {
            ordinary.stop();
            ordinary = null;
        }
        supernode = new Supernode(this);
        supernode.start(known, link, true);
        bootstrap.roleChanged(self(), true);
        changed();
    }

    @Override
    public void stepDown(List<PeerRef> supernodes) {
        supernode = null;
        bootstrap.roleChanged(self(), false);
        startAsOrdinary(supernodes);
    }

    /** The peer crashed or closed: stop timers and tell the bootstrap. */
    public void stopped() {
        if (supernode != null) {
            supernode.stop();
        }
        if (ordinary != null) {
            ordinary.stop();
        }
        bootstrap.roleChanged(self(), false);
    }

    // ---- what the roles ask of the peer ----

    @Override
    public Node<KazaaMessage> node() {
        return node;
    }

    @Override
    public PeerRef self() {
        return self;
    }

    @Override
    public Candidate candidate() {
        long uptime = node == null ? 0 : (node.clock().nanos() - startedNanos) / 1_000_000;
        return new Candidate(id, spec.uploadBytesPerSec(), spec.downloadBytesPerSec(), spec.firewalled(), Math.max(0, uptime));
    }

    @Override
    public KazaaSettings settings() {
        return settings;
    }

    @Override
    public SupernodeElection election() {
        return election;
    }

    @Override
    public List<SharedFile> sharedFiles() {
        List<SharedFile> files = new ArrayList<>(shared.size());
        for (Content c : shared.values()) {
            files.add(new SharedFile(c.name(), c.size(), c.id()));
        }
        return files;
    }

    @Override
    public List<PeerRef> bootstrap() {
        return bootstrap.supernodes(node.random(), BOOTSTRAP_LIST);
    }

    @Override
    public void changed() {
        // Called after every message: keep the status object when nothing in it moved (the id
        // lists are the same objects until their members change), so a flood writes nothing.
        PeerStatus s = status;
        if (supernode != null) {
            if (s.role() == Role.SUPERNODE && s.backup() == supernode.backupCount() && s.neighbours() == supernode.neighbourIds()
                    && s.children() == supernode.childIds() && s.shares() == shared.size() && s.indexedFiles() == supernode.indexedFiles()) {
                return;
            }
            status = new PeerStatus(Role.SUPERNODE, -1, supernode.backupCount(), supernode.neighbourIds(), supernode.childIds(), shared.size(),
                    supernode.indexedFiles());
        } else {
            int parent = ordinary == null ? -1 : ordinary.parentId();
            int backup = ordinary == null ? -1 : ordinary.backupId();
            if (s.role() == Role.ORDINARY_NODE && s.parent() == parent && s.backup() == backup && s.shares() == shared.size()
                    && s != PeerStatus.STARTING) {
                return;
            }
            status = new PeerStatus(Role.ORDINARY_NODE, parent, backup, List.of(), List.of(), shared.size(), 0);
        }
    }

    // ---- read from any thread ----

    public int id() {
        return id;
    }

    public PeerStatus status() {
        return status;
    }

    public List<Content> sharedContent() {
        return List.copyOf(shared.values());
    }

    public PeerSpec spec() {
        return spec;
    }
}
