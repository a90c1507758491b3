package p2plab.labs.session;

import java.util.function.Supplier;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.common.overlay.Overlay;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.kazaa.KazaaOverlay;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.labs.grading.Implementations;
import p2plab.napster.NapsterOverlay;
import p2plab.napster.index.IndexStore;

/**
 * Builds an overlay with a lab's strategy swapped in ({@code network create gnutella --impl student}):
 * the student's code (compiled now from {@code student/<lab>/}) or the reference solution runs
 * inside the real overlay. BitTorrent has two labs: {@code --impl student} swaps both the piece
 * picker and the choker; {@code --impl picker:student} or {@code choker:student} swaps one.
 */
public final class LabImplementations {

    private LabImplementations() {
    }

    public static Overlay overlay(String overlay, String impl) {
        String lab = null;
        String who = impl;
        int colon = impl.indexOf(':');
        if (colon > 0) {
            lab = impl.substring(0, colon);
            who = impl.substring(colon + 1);
        }
        if (!who.equals("student") && !who.equals("reference")) {
            throw new LabException("--impl takes student or reference (for bittorrent also picker:student or choker:student), got '" + impl + "'");
        }
        try {
            return switch (overlay) {
                case "napster" -> new NapsterOverlay(of("napster", lab, who, IndexStore.class));
                case "gnutella" -> new GnutellaOverlay(of("gnutella", lab, who, ForwardingRule.class));
                case "kazaa" -> new KazaaOverlay(of("kazaa", lab, who, SupernodeElection.class));
                case "bittorrent" -> new BitTorrentOverlay(
                        lab == null || lab.equals("picker") ? Implementations.of("picker", who, PiecePicker.class) : null,
                        lab == null || lab.equals("choker") ? Implementations.of("choker", who, Choker.class) : null);
                case "kademlia" -> new p2plab.kademlia.KademliaOverlay(p2plab.kademlia.routing.BucketPolicies.bep5(),
                        of("kademlia", lab, who, p2plab.kademlia.lookup.NextHopPolicy.class).get());
                case "streaming" -> new p2plab.streaming.StreamingOverlay(
                        of("streaming", lab, who, p2plab.streaming.policy.RescuePolicy.class).get());
                default -> throw new LabException("overlay '" + overlay + "' has no lab strategy to swap; --impl works with napster, gnutella, kazaa, bittorrent, kademlia, streaming");
            };
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
    }

    private static <T> Supplier<T> of(String expectedLab, String lab, String who, Class<T> type) {
        if (lab != null && !lab.equals(expectedLab)) {
            throw new LabException("--impl " + lab + ":" + who + " does not fit this overlay; use --impl " + who);
        }
        return Implementations.of(expectedLab, who, type);
    }
}
