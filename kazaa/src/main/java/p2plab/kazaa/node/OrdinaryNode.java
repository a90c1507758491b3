package p2plab.kazaa.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.supernode.KnownSupernodes;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.KazaaMessage.Attach;
import p2plab.kazaa.wire.KazaaMessage.AttachAck;
import p2plab.kazaa.wire.KazaaMessage.FileList;
import p2plab.kazaa.wire.KazaaMessage.RefreshList;
import p2plab.kazaa.wire.KazaaMessage.RoleChange;
import p2plab.kazaa.wire.PeerRef;

/**
 * The ordinary-node role: attach to one supernode, upload the file list, and otherwise stay
 * quiet: an ordinary node never forwards a query and holds nobody else's metadata.
 *
 * <p>Failover: when the supernode's link closes (it crashed, or moved us), the node tries the
 * supernodes of its refresh list one after another, each for at most {@code attach-timeout},
 * then a fresh list from the bootstrap; once accepted it uploads its file list again. If no
 * supernode answers at all, the election may make it a supernode itself.
 *
 * <p>With the {@code backup} option the node also keeps a standby link to a second supernode,
 * which does not index it. When the first one dies, it attaches for real on the standby link:
 * one round trip instead of a search through the list.
 */
final class OrdinaryNode {
    private final OrdinaryHost host;
    private final Node<KazaaMessage> node;
    private final KazaaSettings settings;
    /** Supernodes to fail over to, as the last refresh list named them. */
    private final KnownSupernodes supernodes = new KnownSupernodes();
    /** Supernodes to try next, in order; null while there are none (an attached node keeps no queue). */
    private Deque<PeerRef> toTry;
    private Link<KazaaMessage> parent;
    private PeerRef parentRef;
    private Link<KazaaMessage> pending;
    /** A connection to a candidate supernode is being opened (one attempt at a time). */
    private boolean connecting;
    private Cancellable pendingTimeout = Cancellable.NONE;
    private Link<KazaaMessage> backup;
    private Link<KazaaMessage> backupPending;
    private Cancellable retry = Cancellable.NONE;
    private int fruitlessRounds;
    private boolean uploadScheduled;
    private boolean stopped;

    OrdinaryNode(OrdinaryHost host) {
        this.host = host;
        this.node = host.node();
        this.settings = host.settings();
    }

    /** Starts attaching: {@code list} in order, then the bootstrap. */
    void start(List<PeerRef> list) {
        remember(list);
        tryNext(list);
        attachNext();
    }

    // ---- attaching ----

    private void attachNext() {
        if (stopped || parent != null || pending != null || connecting) {
            return;
        }
        PeerRef next = pollCandidate();
        if (next == null) {
            fruitlessRounds++;
            List<PeerRef> fresh = host.bootstrap();
            if (fresh.isEmpty() || fruitlessRounds > 2) {
                if (host.election().promoteWhenOrphaned(host.candidate()) && fresh.isEmpty()) {
                    host.becomeSupernode(List.of(), null);
                    return;
                }
                // Nobody answers now: try again later rather than spin.
                fruitlessRounds = 0;
                retry = node.clock().schedule(settings.attachTimeout(), () -> {
                    tryNext(host.bootstrap());
                    attachNext();
                });
                return;
            }
            remember(fresh);
            tryNext(fresh);
            next = pollCandidate();
            if (next == null) {
                return;
            }
        }
        PeerRef target = next;
        connecting = true;
        node.connect(target.address()).whenComplete((link, error) -> {
            connecting = false;
            if (error != null || stopped) {
                if (link != null) {
                    link.close();
                }
                supernodes.remove(target.id());
                if (!stopped) {
                    attachNext();
                }
                return;
            }
            link.attach(target);
            askToAttach(link);
        });
    }

    /** Sends Attach on {@code link} and gives the supernode {@code attach-timeout} to answer. */
    private void askToAttach(Link<KazaaMessage> link) {
        pending = link;
        link.send(attach(false));
        pendingTimeout = node.clock().schedule(settings.attachTimeout(), () -> {
            if (pending == link) {
                pending = null;
                link.close();
                attachNext();
            }
        });
    }

    private Attach attach(boolean asBackup) {
        Candidate me = host.candidate();
        return new Attach(host.self(), me.uploadBytesPerSec(), me.downloadBytesPerSec(), me.firewalled(), me.uptimeMillis(), asBackup);
    }

    /** Opens a standby link to a known supernode other than ours, if the option asks for one. */
    private void seekBackup() {
        if (!settings.backup() || stopped || parent == null || backup != null || backupPending != null) {
            return;
        }
        List<PeerRef> others = new ArrayList<>();
        for (PeerRef r : supernodes.values()) {
            if (r.id() != parentRef.id()) {
                others.add(r);
            }
        }
        if (others.isEmpty()) {
            return;
        }
        PeerRef target = others.get(node.random().nextInt(others.size()));
        node.connect(target.address()).whenComplete((link, error) -> {
            if (error != null || stopped || backup != null || backupPending != null || parent == null) {
                if (link != null) {
                    link.close();
                }
                return;
            }
            link.attach(target);
            backupPending = link;
            link.send(attach(true));
        });
    }

    /** Queues {@code refs} to try after those already queued. */
    private void tryNext(List<PeerRef> refs) {
        if (toTry == null) {
            toTry = new ArrayDeque<>(refs.size());
        }
        toTry.addAll(refs);
    }

    private PeerRef pollCandidate() {
        while (toTry != null && !toTry.isEmpty()) {
            PeerRef r = toTry.poll();
            if (r.id() != host.self().id() && (parentRef == null || r.id() != parentRef.id())) {
                return r;
            }
        }
        return null;
    }

    void onAttachAck(Link<KazaaMessage> link, AttachAck ack) {
        if (link == backupPending) {
            backupPending = null;
            if (ack.accepted() && parent != null && !stopped) {
                backup = link;
            } else {
                link.close();
            }
            return;
        }
        if (link != pending) {
            return;
        }
        pending = null;
        pendingTimeout.cancel();
        pendingTimeout = Cancellable.NONE; // a cancelled timer held by every attached node is 64 bytes for nothing
        remember(ack.supernodes());
        if (!ack.accepted()) {
            link.close();
            tryNext(ack.supernodes());
            attachNext();
            return;
        }
        parent = link;
        parentRef = (PeerRef) link.attachment();
        fruitlessRounds = 0;
        toTry = null;
        link.send(new FileList(host.sharedFiles()));
        host.changed();
        seekBackup();
    }

    /** Our shared files changed: upload the whole list again, once per batch of changes. */
    void sharesChanged() {
        if (uploadScheduled) {
            return;
        }
        uploadScheduled = true;
        node.execute(() -> {
            uploadScheduled = false;
            if (parent != null && parent.isOpen() && !stopped) {
                parent.send(new FileList(host.sharedFiles()));
            }
        });
    }

    // ---- from our supernode ----

    void onRefresh(Link<KazaaMessage> link, RefreshList r) {
        if (link != parent) {
            return;
        }
        supernodes.clear();
        remember(r.supernodes());
        if (r.reattach()) {
            parent = null;
            parentRef = null;
            link.close();
            toTry = null;
            tryNext(r.supernodes());
            host.changed();
            attachNext();
        }
    }

    void onRoleChange(Link<KazaaMessage> link, RoleChange rc) {
        if (link == parent && rc.change() == RoleChange.Change.PROMOTE) {
            stop();
            host.becomeSupernode(rc.supernodes(), link);
        }
    }

    void onClosed(Link<KazaaMessage> link) {
        if (link == pending) {
            pending = null;
            pendingTimeout.cancel();
            attachNext();
        } else if (link == backup || link == backupPending) {
            backup = null;
            backupPending = null;
            seekBackup();
        } else if (link == parent) {
            PeerRef dead = parentRef;
            parent = null;
            supernodes.remove(dead.id());
            if (backup != null && backup.isOpen()) {
                // The standby supernode takes us at once: attach for real on its link.
                Link<KazaaMessage> standby = backup;
                backup = null;
                parentRef = null;
                host.changed();
                askToAttach(standby);
                return;
            }
            // No standby: fail over to the others we were told about, in random order.
            List<PeerRef> list = new ArrayList<>(supernodes.values());
            for (int i = list.size() - 1; i > 0; i--) {
                int j = node.random().nextInt(i + 1);
                PeerRef t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
            toTry = null;
            tryNext(list.subList(0, Math.min(list.size(), settings.attachTries())));
            host.changed();
            attachNext();
            parentRef = null;
        }
    }

    /** Stops the role (promoted, crashed or closed); keeps the parent link open for a promotion. */
    void stop() {
        stopped = true;
        pendingTimeout.cancel();
        retry.cancel();
        if (pending != null) {
            pending.close();
            pending = null;
        }
        if (backup != null) {
            backup.close();
        }
        if (backupPending != null) {
            backupPending.close();
        }
        backup = null;
        backupPending = null;
    }

    private void remember(List<PeerRef> list) {
        for (PeerRef r : list) {
            if (r.id() != host.self().id() && supernodes.size() < KazaaMessage.MAX_LIST) {
                supernodes.put(r);
            }
        }
    }

    // ---- for the peer ----

    Link<KazaaMessage> parentLink() {
        return parent;
    }

    /** The supernode we are attached to, or -1. */
    int parentId() {
        return parent == null ? -1 : parentRef.id();
    }

    /** The standby supernode, or -1. */
    int backupId() {
        return backup == null ? -1 : ((PeerRef) backup.attachment()).id();
    }

    List<PeerRef> knownSupernodes() {
        return List.copyOf(supernodes.values());
    }
}
