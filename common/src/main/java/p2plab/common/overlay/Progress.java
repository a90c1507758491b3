package p2plab.common.overlay;

/**
 * Where a long operation (building a network of many peers, an experiment) says how far it
 * got: a phase and a count. The shell draws a bar from it; it may also stop the operation by
 * throwing {@link java.util.concurrent.CancellationException} from {@link #update} (Ctrl-C), so
 * an operation calls it regularly from the thread it was started on, between two steps that
 * leave everything consistent.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing and never cancels. */
    Progress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done, e.g. {@code "starting peers"}
     * @param done  how many steps of the phase are done
     * @param total how many there are (0 if unknown)
     */
    void update(String phase, long done, long total);
}
