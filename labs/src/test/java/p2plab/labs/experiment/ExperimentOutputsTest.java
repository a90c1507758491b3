package p2plab.labs.experiment;

import p2plab.labs.experiment.registry.ExperimentRunner;
import p2plab.labs.experiment.registry.Experiments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import p2plab.common.metrics.Json;

/**
 * What every experiment writes: the same CSV byte for byte from the same seed, valid PNG and SVG
 * plots, JSON and a markdown report; and one-line errors for bad names and parameters.
 */
class ExperimentOutputsTest {
    /** Reduced parameters so the suite stays fast; the acceptance tests use the textbook ones. */
    static final Map<String, Map<String, String>> SMALL = Map.of(
            "distribution", Map.of("n", "1,2,4", "swarm-n", "2,4", "u", "4096", "file-over-u-s", "600"),
            "search-cost", Map.of("peers", "40", "ttl", "1,2,3", "queries", "5", "files", "60"),
            "churn", Map.of("overlays", "napster,gnutella", "peers", "30", "files", "60", "queries", "8",
                    "mean-session-s", "600,60"),
            "incentives", Map.of("leechers", "6", "free-rider-share", "0,0.5", "file-kib", "512"),
            "streaming", Map.of("listeners", "20", "hours", "0.5", "tracks", "200", "history", "20", "cache-sweep", "0,20",
                    "skew-sweep", "1.1"),
            "lookup-cost", Map.of("peers", "30,60", "kademlia", "k4-a2", "lookups", "4", "files", "30", "churn-peers", "30",
                    "weibull-shape", "0.5", "churn-minutes", "2"));

    @Test
    void everyExperimentIsRegisteredByName() {
        assertEquals(List.of("distribution", "search-cost", "churn", "incentives", "streaming", "lookup-cost"),
                Experiments.all().stream().map(Experiment::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiments.named("nope"));
        assertTrue(e.getMessage().contains("distribution, search-cost, churn, incentives, streaming, lookup-cost"), e.getMessage());
    }

    @Test
    void sameSeedGivesTheSameCsvByteForByte() throws Exception {
        for (Experiment e : Experiments.all()) {
            Parameters p = new Parameters(e.defaults(), SMALL.get(e.name()));
            String first = e.run(p, 42).table().toCsv();
            String second = e.run(p, 42).table().toCsv();
            assertEquals(first, second, e.name());
            assertTrue(first.lines().count() > 1, e.name() + " produced no rows");
        }
    }

    /** Read back, every cell of {@code rows} is the table's value: numbers as JSON numbers, a missing figure as null. */
    private static void assertJsonRowsAreTheTablesNumbers(ExperimentReport r, String json) throws Exception {
        JsonNode doc = Json.mapper().readTree(json);
        assertEquals(r.experiment(), doc.get("experiment").asText());
        JsonNode rows = doc.get("rows");
        assertEquals(r.table().rows().size(), rows.size());
        int numbers = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = r.table().rows().get(i);
            for (int c = 0; c < row.size(); c++) {
                JsonNode cell = rows.get(i).get(c);
                Object value = row.get(c);
                String where = r.experiment() + " row " + i + " column " + r.table().columns().get(c) + ": " + cell;
                if (value instanceof Number n && Double.isNaN(n.doubleValue())) {
                    assertTrue(cell.isNull(), where);
                } else if (value instanceof Number n) {
                    assertTrue(cell.isNumber(), where);
                    assertEquals(n.doubleValue(), cell.doubleValue(), where);
                    numbers++;
                } else {
                    assertEquals(String.valueOf(value), cell.asText(), where);
                }
            }
        }
        assertTrue(numbers > 0, r.experiment() + " has no numbers");
    }

    @Test
    void writesCsvJsonMarkdownAndPlotsThatOpen(@TempDir Path dir) throws Exception {
        for (Experiment e : Experiments.all()) {
            Path out = dir.resolve(e.name());
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            ExperimentReport r = ExperimentRunner.run(e.name(), SMALL.get(e.name()), 5, out, false,
                    new PrintStream(screen, true, StandardCharsets.UTF_8));
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains(r.table().columns().get(0)));
            assertEquals(r.table().toCsv(), Files.readString(out.resolve(e.name() + ".csv")));
            assertJsonRowsAreTheTablesNumbers(r, Files.readString(out.resolve(e.name() + ".json")));
            String md = Files.readString(out.resolve(e.name() + ".md"));
            assertTrue(md.contains("seed 5") && md.contains("## Figures"), md);
            assertTrue(!r.plots().isEmpty(), e.name() + " has no plot");
            for (Plot plot : r.plots()) {
                BufferedImage png = ImageIO.read(out.resolve(plot.file() + ".png").toFile());
                assertNotNull(png, plot.file() + ".png is not a readable PNG");
                assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                Document svg = f.newDocumentBuilder().parse(out.resolve(plot.file() + ".svg").toFile());
                assertEquals("svg", svg.getDocumentElement().getLocalName() != null
                        ? svg.getDocumentElement().getLocalName() : svg.getDocumentElement().getTagName());
                assertTrue(md.contains(plot.file() + ".png"));
            }
        }
    }

    @Test
    void unknownParametersAreOneLineErrors() {
        Experiment e = Experiments.named("distribution");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(e.defaults(), Map.of("peers", "3")));
        assertTrue(x.getMessage().startsWith("unknown parameter 'peers'"), x.getMessage());
        IllegalArgumentException y = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(e.defaults(), Map.of("n", "a..b")).integers("n"));
        assertTrue(y.getMessage().contains("1..30"), y.getMessage());
    }
}
