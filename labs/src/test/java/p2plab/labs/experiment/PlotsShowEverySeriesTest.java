package p2plab.labs.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import p2plab.labs.experiment.registry.Experiments;

/**
 * No plot hides a series: for every plot of every experiment, each series looks different
 * (colour, marker, dash), and two series drawn on top of each other are named so in the legend.
 * Rates start at 0, carry error bars, and log axes are labelled between decades.
 */
class PlotsShowEverySeriesTest {

    private static Plot.Curve curve(String name, double... y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i + 1);
        return new Plot.Curve(name, x, y, false);
    }

    @Test
    void theLegendSaysWhichSeriesLiesOnTopOfAnother() {
        Plot p = Plot.linear("f", "t", "x", "y", List.of(curve("flooding", 50, 70, 87), curve("ring", 50, 70.3, 87),
                curve("walk", 50, 57, 60), curve("theory", 50, 72, 87)));
        assertEquals(List.of("flooding", "ring (on top of flooding)", "walk", "theory"), p.legend());
    }

    @Test
    void theoryIsDrawnLastSoItsDashesStayVisibleOnAMatchingMeasurement() {
        Plot.Curve bound = new Plot.Curve("D_cs", new double[] {1, 2}, new double[] {1, 2}, true);
        Plot p = Plot.linear("f", "t", "x", "y", List.of(bound, curve("measured", 1, 2)));
        assertEquals(List.of("measured", "D_cs (on top of measured)"), p.legend());
        assertEquals(List.of("measured", "D_cs (on top of measured)"),
                PlotRenderer.chart(p).getSeriesCollection().stream().map(XYSeries::getName).toList());
    }

    @Test
    void aRateFromThirtyQueriesIsGivenWithItsUncertainty() {
        // Agresti-Coull: 30 of 30 is (32/34) +- 1.96 sqrt(p(1-p)/34) = +-0.0791
        assertEquals(0.0791, Plot.rateError(30, 30), 1e-4);
        assertEquals(0.1681, Plot.rateError(15, 30), 1e-4);
        assertEquals(0, Plot.rateError(0, 0));
    }

    @Test
    void everyPlotOfEveryExperimentShowsEverySeries() throws Exception {
        int plots = 0;
        for (Experiment e : Experiments.all()) {
            ExperimentReport r = e.run(new Parameters(e.defaults(), ExperimentOutputsTest.SMALL.get(e.name())), 3);
            for (Plot plot : r.plots()) {
                checkEverySeriesIsVisible(plot);
                plots++;
            }
        }
        assertTrue(plots >= 8, "plots checked: " + plots);
    }

    static void checkEverySeriesIsVisible(Plot plot) {
        XYChart chart = PlotRenderer.chart(plot);
        List<String> legend = plot.legend();
        assertEquals(legend, chart.getSeriesCollection().stream().map(XYSeries::getName).toList(), plot.file());
        Set<String> looks = new HashSet<>();
        for (XYSeries s : chart.getSeriesCollection()) {
            BasicStroke stroke = s.getLineStyle();
            String look = s.getLineColor() + " " + s.getMarker().getClass().getSimpleName() + " " + Arrays.toString(stroke.getDashArray());
            assertTrue(looks.add(look), plot.file() + ": '" + s.getName() + "' looks like another series: " + look);
        }
        List<Plot.Curve> curves = plot.drawn();
        for (int j = 0; j < curves.size(); j++) {
            boolean onTop = false;
            for (int i = 0; i < j; i++) {
                onTop |= Plot.coincide(curves.get(j), curves.get(i));
            }
            assertEquals(onTop, legend.get(j).contains("(on top of "),
                    plot.file() + ": '" + legend.get(j) + "' " + (onTop ? "hides under another series without saying so" : "is not on top of any"));
        }
        boolean rate = plot.yLabel().contains("%") || plot.yLabel().contains("success");
        if (rate) {
            assertEquals(0.0, chart.getStyler().getYAxisMin(), plot.file() + ": a rate's axis starts at 0");
            // A rate of trials (searches, downloads) is a sample and carries its uncertainty; a share
            // of bytes is counted over every byte played, not sampled, so it has none to show.
            if (!plot.yLabel().contains("bytes")) {
                assertTrue(curves.stream().allMatch(c -> c.errors() != null), plot.file() + ": rates come with error bars");
                assertFalse(plot.caption().isEmpty(), plot.file() + ": the caption says what the bars are");
            }
        }
        if (plot.logX() || plot.logY()) {
            assertFalse(chart.getStyler().isYAxisLogarithmicDecadeOnly() || chart.getStyler().isXAxisLogarithmicDecadeOnly(),
                    plot.file() + ": log axes are labelled between decades");
        }
        assertNotNull(plot.caption());
    }
}
