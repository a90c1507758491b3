package p2plab.labs.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Plot} with XChart and saves it as PNG and SVG. Every series gets its own
 * colour, marker and dash pattern, so no two look alike even in grey on a projector; linear
 * axes of non-negative data start at 0; log axes are labelled between decades too.
 */
public final class PlotRenderer {
    /** Okabe and Ito's colour-blind-safe palette (2008), without its yellow, which vanishes on white. */
    static final List<Color> COLOURS = List.of(new Color(0x000000), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
            new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x777777));
    static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL);
    /** Dash patterns of measured series: solid, long dashes, dash-dot, dots. */
    static final List<float[]> DASHES = Arrays.asList(null, new float[] {12f, 5f}, new float[] {10f, 4f, 2f, 4f}, new float[] {2f, 4f});
    /** Theory is always short, even dashes without markers. */
    static final float[] THEORY_DASH = {6f, 6f};

    private PlotRenderer() {
    }

    /** Writes {@code dir/<file>.png} and {@code dir/<file>.svg}. */
    public static void save(Plot plot, Path dir) throws IOException {
        XYChart chart = chart(plot);
        String base = dir.resolve(plot.file()).toString();
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    /** The chart as XChart holds it (tests read its series back). */
    public static XYChart chart(Plot plot) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(700).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        var styler = chart.getStyler();
        styler.setXAxisLogarithmic(plot.logX());
        styler.setYAxisLogarithmic(plot.logY());
        styler.setXAxisLogarithmicDecadeOnly(false);
        styler.setYAxisLogarithmicDecadeOnly(false);
        styler.setChartTitleVisible(true);
        styler.setLegendVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS); // below: the axes get the full width, so labels between decades fit
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setErrorBarsColorSeriesColor(true);
        if (!plot.logY() && plot.curves().stream().allMatch(c -> Arrays.stream(c.y()).allMatch(y -> Double.isNaN(y) || y >= 0))) {
            styler.setYAxisMin(0.0); // a rate from 0.3 to 0.7 must not look like a collapse
        }
        if (plot.yLabel().contains("%")) {
            styler.setYAxisMax(100.0); // a percentage ends at 100; error bars near it are cut there, not drawn to 110
        }
        List<String> legend = plot.legend();
        int measured = 0;
        List<Plot.Curve> drawn = plot.drawn();
        for (int i = 0; i < drawn.size(); i++) {
            Plot.Curve c = drawn.get(i);
            XYSeries s = c.errors() == null ? chart.addSeries(legend.get(i), c.x(), c.y())
                    : chart.addSeries(legend.get(i), c.x(), c.y(), c.errors());
            Color colour = COLOURS.get(i % COLOURS.size());
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            if (c.theory()) {
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(stroke(2.5f, THEORY_DASH));
            } else {
                s.setMarker(MARKERS.get(measured % MARKERS.size()));
                s.setLineStyle(stroke(2f, DASHES.get(measured % DASHES.size())));
                measured++;
            }
        }
        return chart;
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash == null ? new BasicStroke(width) : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }
}
