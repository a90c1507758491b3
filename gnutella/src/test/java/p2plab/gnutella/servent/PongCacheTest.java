package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Pong;

class PongCacheTest {

    private static Address host(int n) {
        return new Address("127.0." + (n >> 8) + "." + (n & 0xff), 6000);
    }

    @Test
    void newestComeFirstAndAHostLearntAgainMovesToTheFront() {
        PongCache cache = new PongCache(32);
        cache.add(host(1));
        cache.add(new Pong(host(2), 5, 700));
        cache.add(host(3));
        cache.add(host(1));

        assertEquals(List.of(new Pong(host(1), 0, 0), new Pong(host(3), 0, 0), new Pong(host(2), 5, 700)), cache.newest(10, a -> true));
        assertEquals(3, cache.size());
    }

    @Test
    void aPongThatSharesReplacesTheBareAddressAndTheOtherWayRound() {
        PongCache cache = new PongCache(32);
        cache.add(host(1));
        cache.add(new Pong(host(1), 3, 30));
        assertEquals(List.of(new Pong(host(1), 3, 30)), cache.newest(10, a -> true));
        cache.add(host(1));
        assertEquals(List.of(new Pong(host(1), 0, 0)), cache.newest(10, a -> true));
    }

    @Test
    void theOldestGoWhenItIsFullAndForgottenHostsGoAtOnce() {
        PongCache cache = new PongCache(4);
        for (int i = 1; i <= 6; i++) {
            cache.add(host(i));
        }
        cache.forget(host(5));
        cache.forget(host(1)); // pushed out already: nothing happens

        assertEquals(List.of(new Pong(host(6), 0, 0), new Pong(host(4), 0, 0), new Pong(host(3), 0, 0)), cache.newest(10, a -> true));
        assertEquals(List.of(new Pong(host(6), 0, 0), new Pong(host(3), 0, 0)), cache.newest(2, a -> !a.equals(host(4))));
    }

    @Test
    void hostsWrittenWithLeadingZerosAreKeptApartFromTheUsualSpelling() {
        PongCache cache = new PongCache(32);
        Address odd = new Address("127.0.0.01", 6000);
        cache.add(odd);
        cache.add(new Pong(new Address("127.000.0.2", 6000), 1, 1));
        cache.add(host(1));
        cache.add(odd);

        assertEquals(List.of(new Pong(odd, 0, 0), new Pong(host(1), 0, 0), new Pong(new Address("127.000.0.2", 6000), 1, 1)),
                cache.newest(10, a -> true));
        cache.forget(new Address("127.000.0.2", 6000));
        cache.forget(host(1));
        assertEquals(List.of(new Pong(odd, 0, 0)), List.copyOf(cache.all()));
    }
}
