package p2plab.labs.experiment;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link Plot} with XChart and saves it as PNG and SVG. */
public final class PlotRenderer {

    private PlotRenderer() {
    }

    /** Writes {@code dir/<file>.png} and {@code dir/<file>.svg}. */
    public static void save(Plot plot, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(plot.logX());
        chart.getStyler().setYAxisLogarithmic(plot.logY());
        chart.getStyler().setChartTitleVisible(true);
        chart.getStyler().setLegendVisible(true);
        for (Plot.Curve c : plot.curves()) {
            XYSeries s = chart.addSeries(c.name(), c.x(), c.y());
            if (c.theory()) {
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            } else {
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        String base = dir.resolve(plot.file()).toString();
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
