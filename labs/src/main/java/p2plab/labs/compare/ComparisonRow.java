package p2plab.labs.compare;

/**
 * What one overlay did with a {@link Workload}.
 *
 * @param messagesPerQuery    mean messages a search caused
 * @param successRate         share of searches with at least one hit
 * @param meanHops            mean hops to the first hit, over successful searches (-1 if none)
 * @param meanLatencyMillis   mean protocol time to the first hit, over successful searches
 * @param busiestPeer         the peer that handled the most messages during the queries
 * @param busiestPeerMessages messages it sent and received
 * @param totalMessages       every message during the queries, maintenance included
 * @param timeouts            searches that did not end within the shell's limit
 */
public record ComparisonRow(String overlay, int queries, double messagesPerQuery, double successRate, double meanHops,
                            double meanLatencyMillis, String busiestPeer, long busiestPeerMessages, long totalMessages,
                            int timeouts) {
}
