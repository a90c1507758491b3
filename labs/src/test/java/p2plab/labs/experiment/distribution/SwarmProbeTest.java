package p2plab.labs.experiment.distribution;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.Experiments;
import p2plab.labs.experiment.Parameters;

class SwarmProbeTest {
    @Test
    void probe() throws Exception {
        long t0 = System.nanoTime();
        var e = Experiments.named(System.getenv().getOrDefault("EXP", "distribution"));
        Map<String, String> given = new HashMap<>();
        for (String kv : System.getenv().getOrDefault("P", "").split(";")) {
            if (!kv.isBlank()) given.put(kv.split("=")[0], kv.split("=", 2)[1]);
        }
        var r = e.run(new Parameters(e.defaults(), given), 1);
        System.out.print(r.table().toText()); r.findings().forEach(System.out::println);
        System.out.printf("wall %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
