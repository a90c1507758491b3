package p2plab.labs.commands.torrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;

/**
 * The trackers and seeds one session is running. They outlive the command that started them:
 * in the interactive shell {@code tracker} and {@code seed} return at once and the job keeps
 * serving until {@code tracker stop} / {@code seed stop} or the end of the session; one-shot
 * from the system shell, the command waits here until the job is closed (Ctrl-C).
 *
 * <p>The session closes every job on {@code quit} or when it ends ({@link Lab#closeWithSession}),
 * and a JVM shutdown hook closes whatever is still running when p2plab is stopped with Ctrl-C:
 * every port is closed and every seed tells its tracker {@code event=stopped}.
 */
public final class TorrentJobs {
    private static final Map<Lab, TorrentJobs> BY_LAB = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Job> jobs = new ArrayList<>();
    private Thread hook;

    private TorrentJobs(Lab lab) {
        lab.closeWithSession(this::closeAll);
    }

    public static TorrentJobs of(Lab lab) {
        return BY_LAB.computeIfAbsent(lab, TorrentJobs::new);
    }

    /** True when the command runs from the interactive shell (so it must not block the prompt). */
    public static boolean interactive(Lab lab) {
        return lab.interactive();
    }

    /** One running tracker or seed. */
    public static final class Job {
        final String kind;
        final String name;
        final String alias;
        final String summary;
        private final Runnable closer;
        private final AtomicBoolean closing = new AtomicBoolean();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final CountDownLatch reported = new CountDownLatch(1);
        private volatile boolean foreground;

        Job(String kind, String name, String alias, String summary, Runnable closer) {
            this.kind = kind;
            this.name = name;
            this.alias = alias;
            this.summary = summary;
            this.closer = closer;
        }

        void close() {
            if (closing.compareAndSet(false, true)) {
                try {
                    closer.run();
                } finally {
                    closed.countDown();
                }
            }
        }

        /** Its address, host:port. */
        public String name() {
            return name;
        }

        public String summary() {
            return summary;
        }

        public boolean isClosed() {
            return closed.getCount() == 0;
        }

        /**
         * Blocks the command that started the job until the job is closed (by Ctrl-C, `stop`, or
         * the end of the session); the command then prints its goodbye and calls {@link #reported}.
         */
        public void awaitClosed() throws InterruptedException {
            foreground = true;
            closed.await();
        }

        /** Like {@link #awaitClosed()}, for at most {@code millis}; true when the job is closed. */
        public boolean awaitClosed(long millis) throws InterruptedException {
            foreground = true;
            return closed.await(millis, TimeUnit.MILLISECONDS);
        }

        /** The foreground command has said the job stopped; p2plab may now exit. */
        public void reported() {
            reported.countDown();
        }

        /** On Ctrl-C, gives the foreground command a moment to print its goodbye before the JVM ends. */
        private void awaitReported() {
            if (foreground) {
                try {
                    reported.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Registers a running job.
     *
     * @param name  its address, host:port (unique: two jobs cannot listen on one port)
     * @param alias another name `stop` accepts (the torrent's name for a seed), or null
     */
    public synchronized Job add(String kind, String name, String alias, String summary, Runnable closer) {
        Job job = new Job(kind, name, alias, summary, closer);
        jobs.add(job);
        if (hook == null) {
            hook = new Thread(this::closeAllAndReport, "p2plab-close-torrent-jobs");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return job;
    }

    public synchronized List<Job> list(String kind) {
        return jobs.stream().filter(j -> j.kind.equals(kind) && !j.isClosed()).toList();
    }

    /**
     * Closes the jobs of {@code kind} whose name is {@code name} (every one when null).
     *
     * @return the jobs closed
     */
    public List<Job> stop(String kind, String name) {
        List<Job> chosen;
        synchronized (this) {
            chosen = jobs.stream().filter(j -> j.kind.equals(kind) && (name == null || j.name.equals(name))).toList();
            jobs.removeAll(chosen);
        }
        for (Job j : chosen) {
            j.close();
        }
        forgetHookIfIdle();
        return chosen;
    }

    /** Closes every job of the session. */
    void closeAll() {
        closeAll(false);
    }

    private void closeAllAndReport() {
        closeAll(true);
    }

    private void closeAll(boolean waitForReports) {
        List<Job> all;
        synchronized (this) {
            all = new ArrayList<>(jobs);
            jobs.clear();
        }
        for (Job j : all) {
            try {
                j.close();
            } catch (RuntimeException e) {
                // closing the rest matters more than one failure on the way out
            }
        }
        if (waitForReports) {
            all.forEach(Job::awaitReported);
        }
        forgetHookIfIdle();
    }

    /**
     * The name of the one running job {@code which} designates (its host:port, its port, or its
     * alias); null for every job when {@code which} is null.
     */
    public static String resolve(List<Job> running, String which, String kind) {
        if (running.isEmpty()) {
            throw new LabException("no " + kind + " is running in this session; start one with `"
                    + (kind.equals("seed") ? "seed <file.torrent> <data-path>" : kind) + "`");
        }
        if (which == null) {
            return null;
        }
        List<Job> hits = running.stream().filter(j -> j.name.equals(which) || j.name.endsWith(":" + which)
                || which.equals(j.alias)).toList();
        if (hits.size() == 1) {
            return hits.get(0).name;
        }
        String names = String.join(", ", running.stream().map(j -> j.name + (j.alias == null ? "" : " (" + j.alias + ")")).toList());
        throw new LabException((hits.isEmpty() ? "no " + kind + " '" + which + "' is running" : "'" + which + "' names several")
                + "; choose one of " + names + " by its address or port");
    }

    /** Called when a foreground job ends by itself, so the list only shows live ones. */
    public synchronized void remove(Job job) {
        jobs.remove(job);
    }

    private void forgetHookIfIdle() {
        Thread h;
        synchronized (this) {
            if (!jobs.isEmpty() || hook == null || Thread.currentThread() == hook) {
                return;
            }
            h = hook;
            hook = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(h);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or about to
        }
    }
}
