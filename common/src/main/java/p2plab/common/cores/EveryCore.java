package p2plab.common.cores;

import java.util.function.IntConsumer;

/**
 * Runs one piece of work per index, the indexes split in contiguous ranges over the machine's
 * cores: the caller's thread takes the first range, a new thread each of the others.
 *
 * <p>Why not a parallel stream: when the heap runs out (a network too large for it), a parallel
 * stream hands the error to the caller while its other workers go on filling the heap, and an
 * error in the common pool's own code kills a worker outright. Here every thread stops at the
 * next index once any has failed, the caller waits until all have ended, and only then throws
 * the first failure: the shell's one-line "out of memory" and the freed heap come after the
 * last worker has let go of the half-built result.
 */
public final class EveryCore {

    private EveryCore() {
    }

    /** {@code work.accept(i)} for every i in [0, n), each exactly once; the order between ranges is unspecified. */
    public static void forEach(int n, IntConsumer work) {
        forEach(n, Runtime.getRuntime().availableProcessors(), work);
    }

    static void forEach(int n, int threads, IntConsumer work) {
        int parts = Math.max(1, Math.min(threads, n));
        Range[] ranges = new Range[parts];
        Flag stop = new Flag();
        for (int p = 0; p < parts; p++) {
            ranges[p] = new Range((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts), work, stop);
        }
        Thread[] helpers = new Thread[parts - 1];
        try {
            for (int p = 1; p < parts; p++) {
                helpers[p - 1] = new Thread(ranges[p], "every-core-" + p);
                helpers[p - 1].start();
            }
        } catch (Throwable e) { // no thread to be had (out of memory, or of threads): stop the ones started
            ranges[0].failure = e;
            stop.set = true;
        }
        ranges[0].run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (t != null) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers stop on their own at the failure flag; wait for them all the same
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Range r : ranges) {
            if (r.failure instanceof RuntimeException e) {
                throw e;
            }
            if (r.failure instanceof Error e) {
                throw e;
            }
            if (r.failure != null) {
                throw new IllegalStateException(r.failure);
            }
        }
    }

    private static final class Flag {
        volatile boolean set;
    }

    /** One thread's indexes; it gives up at the next index once any range has failed. */
    private static final class Range implements Runnable {
        private final int from;
        private final int to;
        private final IntConsumer work;
        private final Flag stop;
        private volatile Throwable failure;

        Range(int from, int to, IntConsumer work, Flag stop) {
            this.from = from;
            this.to = to;
            this.work = work;
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                for (int i = from; i < to && !stop.set; i++) {
                    work.accept(i);
                }
            } catch (Throwable e) { // recorded without allocating: two field stores
                failure = e;
                stop.set = true;
            }
        }
    }
}
