package p2plab.common.time;

/** A scheduled callback that can still be called off. */
public interface Cancellable {

    /** Stops the callback from running; harmless if it already ran or was cancelled. */
    void cancel();

    boolean isCancelled();

    /** A handle for something that never needs cancelling. */
    Cancellable NONE = new Cancellable() {
        @Override public void cancel() { }
        @Override public boolean isCancelled() { return true; }
    };
}
