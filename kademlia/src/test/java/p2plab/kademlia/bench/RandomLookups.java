package p2plab.kademlia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.lookup.LookupResult;

/** The lookups both Kademlia benchmarks end with: L of them, 1,000 at a time, and their rounds and messages. */
final class RandomLookups {

    private RandomLookups() {
    }

    /**
     * Runs {@code lookups} lookups that {@code next} starts (each of a random id from a random
     * node), prints wall and CPU time, the median, p99 and mean rounds and the median and p99
     * messages, and returns the wall time in seconds.
     */
    static double run(SimTransport sim, int lookups, int nodes, Supplier<CompletableFuture<LookupResult>> next) throws TimeoutException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] rounds = new int[lookups];
        int[] messages = new int[lookups];
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int done = 0; done < lookups; ) {
            List<CompletableFuture<LookupResult>> batch = new ArrayList<>();
            for (int i = 0; i < 1_000 && done + i < lookups; i++) {
                batch.add(next.get());
            }
            sim.await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), Duration.ofHours(1));
            for (CompletableFuture<LookupResult> f : batch) {
                LookupResult r = f.join();
                rounds[done] = r.rounds();
                messages[done] = r.messages();
                done++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (lookups > 0) {
            Arrays.sort(rounds);
            Arrays.sort(messages);
            System.out.printf("%,d lookups in %.1f s (CPU %.1f s): rounds median %d, p99 %d, mean %.2f; messages median %d, p99 %d;"
                            + " log2 N = %.1f; load average %.1f%n",
                    lookups, seconds, cpu, rounds[lookups / 2], rounds[lookups * 99 / 100],
                    Arrays.stream(rounds).average().orElse(0), messages[lookups / 2], messages[lookups * 99 / 100],
                    Math.log(nodes) / Math.log(2), Measure.load());
        }
        return seconds;
    }
}
