package p2plab.kademlia.bench;

import java.lang.management.ManagementFactory;

/** What the Kademlia benchmarks and the heap probe read off the JVM. */
public final class Measure {

    private Measure() {
    }

    /** Heap in use after a full GC (three, so that objects with finalizers or references are gone too). */
    public static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The machine's load average over the last minute, which wall times should be read with. */
    public static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
