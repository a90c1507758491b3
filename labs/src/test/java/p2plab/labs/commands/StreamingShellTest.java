package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import p2plab.labs.Run;

/**
 * The streaming overlay from the shell: create a hybrid, play a track twice (the second
 * listener gets most of it from the first), read the source shares from `stats`, kill a peer.
 * 10 s tracks of 200 kB keep it quick.
 */
class StreamingShellTest {
    private static final String CREATE = "network create streaming --peers 3 --mode hybrid --upload 400kB/s "
            + "-o tracks=5 -o trackBytes=200000 -o serverHead=3 -o serverAhead=3; ";

    @Test
    void playReportsLatencySourcesAndStuttersAndStatsTheShares() {
        Run r = Run.script(CREATE + "play 1 2; play 2 2; stats; peer kill 1; play 1 2");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("created streaming-1: streaming, 3 peers"), r.out());
        assertTrue(r.out().contains("p1 played track 2 (10 s): first audio after"), r.out());
        assertTrue(r.out().contains("bytes from server 200000, edge 0, peer 0, cache 0"), r.out());
        assertTrue(r.out().contains("hybrid mode: 2 plays"), r.out());
        assertTrue(r.err().contains("peer p1 is down") || r.err().contains("peer 1 is down"), r.err());
    }

    @Test
    void modeIsOnlyForStreamingAndPlayOnlyOnAStreamingNetwork() {
        Run wrongMode = Run.script("network create streaming --peers 2 --mode p2p");
        assertTrue(wrongMode.err().contains("--mode must be server, cdn or hybrid"), wrongMode.err());
        Run gnutella = Run.script("network create gnutella --peers 3 --mode hybrid");
        assertTrue(gnutella.err().contains("unknown gnutella option 'mode'"), gnutella.err());
        Run play = Run.script("network create gnutella --peers 3; play 1 2");
        assertTrue(play.err().contains("`play` works on a streaming network"), play.err());
        Run track = Run.script("network create streaming --peers 2 -o tracks=5; play 1 9");
        assertTrue(track.err().contains("there is no track 9; tracks are 0..4"), track.err());
        Run origin = Run.script("network create streaming --peers 2 -o tracks=5; play 0 1");
        assertTrue(origin.err().contains("is the origin server; play on a listener"), origin.err());
    }

    /** Lab 8's handout session, with the reference policy: the known next track is prefetched. */
    @Test
    void theHandoutSessionPrefetchesTheNextTrack() {
        Run r = Run.script("network create streaming --peers 30 --mode hybrid --upload 100kB/s -o tracks=50 "
                + "-o trackBytes=800000 --impl reference; play 1 7 --next 8; play 1 8");
        assertEquals(0, r.code(), r.out() + r.err());
        // prefetched: no wait for chunks, only the disk read (25 ms; the key's round trip to the server over
        // the shell's 10 ms links, 20 ms, ends before it) and the sound device (30 ms)
        assertTrue(r.out().contains("p1 played track 8 (40 s): first audio after 55 ms, 0 stutters"), r.out());
    }
}
