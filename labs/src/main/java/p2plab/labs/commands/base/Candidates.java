package p2plab.labs.commands.base;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.common.topology.TopologySpec;
import p2plab.labs.session.Lab;

/** What tab completion offers for arguments whose values depend on the session. */
public final class Candidates {
    private Candidates() {
    }

    /** Installed overlays. */
    public static final class OverlayNames implements Iterable<String> {
        private final Lab lab;

        OverlayNames(Lab lab) {
            this.lab = lab;
        }

        @Override
        public Iterator<String> iterator() {
            return lab.overlays().names().iterator();
        }
    }

    /** Networks of this session. */
    public static final class NetworkNames implements Iterable<String> {
        private final Lab lab;

        NetworkNames(Lab lab) {
            this.lab = lab;
        }

        @Override
        public Iterator<String> iterator() {
            return lab.networks().stream().map(n -> n.name()).iterator();
        }
    }

    /** Peer ids of the current network. */
    public static final class PeerIds implements Iterable<String> {
        private final Lab lab;

        PeerIds(Lab lab) {
            this.lab = lab;
        }

        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            lab.currentIfAny().ifPresent(n -> {
                for (PeerId id : n.network().peers()) {
                    ids.add(id.toString());
                }
            });
            return ids.iterator();
        }
    }

    /** Names of the files shared through the shell in the current network (for `download`). */
    public static final class SharedNames implements Iterable<String> {
        private final Lab lab;

        SharedNames(Lab lab) {
            this.lab = lab;
        }

        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            lab.currentIfAny().ifPresent(n -> n.shared().forEach(c -> names.add(c.name())));
            return names.iterator();
        }
    }

    public static final class TopologyKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TopologySpec.KINDS.iterator();
        }
    }

    public static final class TransportKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("sim", "tcp").iterator();
        }
    }
}
