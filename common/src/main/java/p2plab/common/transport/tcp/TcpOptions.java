package p2plab.common.transport.tcp;

/**
 * How a {@link TcpTransport} is set up. Start from {@link #defaults()} and change what you need:
 * {@code TcpOptions.defaults().withTimeScale(10).withSeed(42)}.
 *
 * @param bindHost         where every node listens and what {@code Node.address()} reports;
 *                         127.0.0.1 unless you really mean another interface
 * @param timeScale        protocol seconds per real second (10 shows a 30 s timer in 3 s)
 * @param seed             mixed with a node counter to seed each node's {@code random()}
 * @param ioThreads        Netty event-loop threads shared by all nodes; 0 = one per core
 * @param maxBufferedBytes bytes a connection may buffer without completing a frame before it is
 *                         rejected as malformed; a guard for decoders that never say "too big"
 * @param datagramLossRate share of datagrams thrown away on purpose before they leave (seeded,
 *                         counted as dropped), to show on real UDP what loss does; 0 by default
 * @param maxInbound       connections other hosts may have open to one node at once; one more is
 *                         closed as soon as it is accepted (counted as rejected), so a flood of
 *                         connections cannot take every file descriptor and the memory behind them
 */
public record TcpOptions(String bindHost, double timeScale, long seed, int ioThreads, int maxBufferedBytes,
        double datagramLossRate, int maxInbound) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_INBOUND = 10_000;

    public TcpOptions {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be empty (use 127.0.0.1 for loopback)");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + timeScale);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0 (0 = one per core), got " + ioThreads);
        }
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive, got " + maxBufferedBytes);
        }
        if (datagramLossRate < 0 || datagramLossRate >= 1) {
            throw new IllegalArgumentException("datagram loss rate must be in [0, 1), got " + datagramLossRate);
        }
        if (maxInbound <= 0) {
            throw new IllegalArgumentException("maxInbound must be positive, got " + maxInbound);
        }
    }

    /** Loopback, real time, seed 0, one thread per core. */
    public static TcpOptions defaults() {
        return new TcpOptions(LOOPBACK, 1.0, 0L, 0, DEFAULT_MAX_BUFFERED_BYTES, 0, DEFAULT_MAX_INBOUND);
    }

    public TcpOptions withBindHost(String host) {
        return new TcpOptions(host, timeScale, seed, ioThreads, maxBufferedBytes, datagramLossRate, maxInbound);
    }

    public TcpOptions withTimeScale(double scale) {
        return new TcpOptions(bindHost, scale, seed, ioThreads, maxBufferedBytes, datagramLossRate, maxInbound);
    }

    public TcpOptions withSeed(long newSeed) {
        return new TcpOptions(bindHost, timeScale, newSeed, ioThreads, maxBufferedBytes, datagramLossRate, maxInbound);
    }

    public TcpOptions withIoThreads(int threads) {
        return new TcpOptions(bindHost, timeScale, seed, threads, maxBufferedBytes, datagramLossRate, maxInbound);
    }

    public TcpOptions withMaxBufferedBytes(int bytes) {
        return new TcpOptions(bindHost, timeScale, seed, ioThreads, bytes, datagramLossRate, maxInbound);
    }

    public TcpOptions withDatagramLoss(double rate) {
        return new TcpOptions(bindHost, timeScale, seed, ioThreads, maxBufferedBytes, rate, maxInbound);
    }

    public TcpOptions withMaxInbound(int connections) {
        return new TcpOptions(bindHost, timeScale, seed, ioThreads, maxBufferedBytes, datagramLossRate, connections);
    }

    /** The thread count actually used. */
    int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }
}
