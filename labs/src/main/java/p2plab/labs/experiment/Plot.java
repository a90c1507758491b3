package p2plab.labs.experiment;

import java.util.List;

/**
 * One chart of a report: curves over a common x axis. Theory curves are drawn dashed beside
 * the measured ones.
 *
 * @param file   file name without extension ({@code distribution} gives distribution.png and .svg)
 * @param logX   logarithmic x axis (for N up to 10,000)
 */
public record Plot(String file, String title, String xLabel, String yLabel, List<Curve> curves, boolean logX, boolean logY) {

    public Plot {
        curves = List.copyOf(curves);
    }

    public static Plot linear(String file, String title, String xLabel, String yLabel, List<Curve> curves) {
        return new Plot(file, title, xLabel, yLabel, curves, false, false);
    }

    /** One line: measured (solid, with markers) or theory (dashed). */
    public record Curve(String name, double[] x, double[] y, boolean theory) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve " + name + ": " + x.length + " x values, " + y.length + " y values");
            }
        }
    }
}
