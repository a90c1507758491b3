package p2plab.kazaa.election;

/** What a supernode does after reviewing its load: nothing, promote one child, or step down. */
public sealed interface Decision {

    Decision KEEP = new Keep();
    Decision DEMOTE = new Demote();

    record Keep() implements Decision {
    }

    /** Make child {@code childId} a supernode and hand it part of the children. */
    record Promote(int childId) implements Decision {
    }

    /** Become an ordinary node; the children move to neighbouring supernodes. */
    record Demote() implements Decision {
    }

    static Decision promote(int childId) {
        return new Promote(childId);
    }
}
