package p2plab.common.overlay;

import p2plab.common.content.ContentId;

/** One file found by a search: who holds it, and how many overlay hops away the answer came from. */
public record Hit(PeerId holder, ContentId content, String name, long size, int hops) {
}
