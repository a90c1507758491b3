package p2plab.labs.experiment.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.bench.DistributionTimeBenchmark;

/**
 * {@code experiment distribution} and {@code DistributionTimeBenchmark} give the same swarm time
 * for the same parameters and seed: both build the swarm one way.
 */
class TheBenchmarkMeasuresTheExperimentsSwarmTest {

    @Test
    void sameParametersSameFigure() throws Exception {
        Map<String, String> given = Map.of("n", "6", "swarm-n", "6", "file-over-u-s", "120", "piece-length", "16384");
        DistributionExperiment e = new DistributionExperiment();
        ExperimentReport report = e.run(new Parameters(e.defaults(), given), 3);
        List<Object> row = report.table().rows().get(0);
        double seconds = ((Number) row.get(5)).doubleValue() * 120; // the table is in units of F/u = 120 s

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            DistributionTimeBenchmark.main(new String[] {"n=6", "swarm-n=6", "file-over-u-s=120", "piece-length=16384", "seed=3"});
        } finally {
            System.setOut(out);
        }
        Matcher m = Pattern.compile("N=6 .*: ([0-9.]+) s, bound").matcher(printed.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), printed.toString(StandardCharsets.UTF_8));
        assertTrue(seconds > 60, "the swarm takes at least the bound's F/d_min-free part: " + seconds);
        assertEquals(String.format(Locale.ROOT, "%.1f", seconds), m.group(1));
    }
}
