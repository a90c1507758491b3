package p2plab.napster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU readings from Linux's /proc, so a benchmark can split the time of each process into
 * user (Java) and system (kernel: the socket calls, loopback TCP) time.
 */
record ProcCpu(long userNanos, long systemNanos) {
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux (getconf CLK_TCK)

    /** User and system time of process {@code pid} so far. */
    static ProcCpu ofProcess(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The command name in parentheses may hold spaces; the fields after it are fixed.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new ProcCpu(Long.parseLong(f[11]) * TICK_NANOS, Long.parseLong(f[12]) * TICK_NANOS);
    }

    /**
     * The whole machine: {user+nice, system, irq+softirq, idle+iowait, steal} in nanoseconds
     * summed over all cores. Loopback TCP's receive path often runs as softirq work.
     */
    static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] v = new long[f.length - 1];
        for (int i = 1; i < f.length; i++) {
            v[i - 1] = Long.parseLong(f[i]);
        }
        return new long[] {(v[0] + v[1]) * TICK_NANOS, v[2] * TICK_NANOS, (v[5] + v[6]) * TICK_NANOS,
                (v[3] + v[4]) * TICK_NANOS, (v.length > 7 ? v[7] : 0) * TICK_NANOS};
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    ProcCpu minus(ProcCpu o) {
        return new ProcCpu(userNanos - o.userNanos, systemNanos - o.systemNanos);
    }

    long total() {
        return userNanos + systemNanos;
    }
}
