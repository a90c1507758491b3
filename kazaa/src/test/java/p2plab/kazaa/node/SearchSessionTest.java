package p2plab.kazaa.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Metrics;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.Address;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/** What one search keeps of the QueryHits that reach it. */
class SearchSessionTest {

    @Test
    void aSearchKeepsAtMostMaxHitsHowEverManyArrive() {
        CompletableFuture<SearchResult> result = new CompletableFuture<>();
        Guid guid = new Guid(1, 2);
        SearchSession s = new SearchSession(guid, PeerId.of(3), Query.of("bait"), new Metrics(() -> 0), 0, -1, result);
        PeerRef hostile = new PeerRef(9, new Address("127.0.0.9", 1214));
        int sent = 0;
        for (int message = 0; sent < SearchSession.MAX_HITS + 5_000; message++) {
            List<FoundFile> files = new ArrayList<>();
            for (int i = 0; i < 1_000; i++, sent++) { // every file a different one
                files.add(new FoundFile(hostile, new SharedFile("bait", 1, new ContentId(String.format("%064x", sent)))));
            }
            s.onHit(new KazaaMessage.QueryHit(guid, 1, new PeerRef(10 + message, hostile.address()), files), 1);
        }
        s.finish(2);
        assertEquals(SearchSession.MAX_HITS, result.join().hits().size());
    }
}
