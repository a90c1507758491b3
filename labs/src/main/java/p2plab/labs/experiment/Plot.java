package p2plab.labs.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart of a report: curves over a common x axis. Theory curves are drawn dashed beside
 * the measured ones; a curve may carry error bars; a caption says how to read the chart.
 *
 * @param file    file name without extension ({@code distribution} gives distribution.png and .svg)
 * @param logX    logarithmic x axis (for N up to 10,000)
 * @param caption one or two sentences under the chart in the report ("" for none)
 */
public record Plot(String file, String title, String xLabel, String yLabel, List<Curve> curves, boolean logX, boolean logY,
                   String caption) {

    /** Two curves closer than this (relative, at every x) are drawn on top of each other. */
    static final double COINCIDE = 0.01;

    public Plot {
        curves = List.copyOf(curves);
    }

    public Plot(String file, String title, String xLabel, String yLabel, List<Curve> curves, boolean logX, boolean logY) {
        this(file, title, xLabel, yLabel, curves, logX, logY, "");
    }

    public static Plot linear(String file, String title, String xLabel, String yLabel, List<Curve> curves) {
        return new Plot(file, title, xLabel, yLabel, curves, false, false, "");
    }

    public Plot withCaption(String text) {
        return new Plot(file, title, xLabel, yLabel, curves, logX, logY, text);
    }

    /**
     * The legend, in drawing order: each curve's name, and for a curve drawn on top of an earlier
     * one (within 1 % at every x), which one, so that no line hides without the reader being told.
     */
    public List<String> legend() {
        List<Curve> drawn = drawn();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            String name = drawn.get(i).name();
            for (int j = 0; j < i; j++) {
                if (coincide(drawn.get(i), drawn.get(j))) {
                    name += " (on top of " + drawn.get(j).name() + ")";
                    break;
                }
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The curves in the order they are drawn: measured ones first, theory last, so that a
     * dashed theory line stays visible on a measured line that matches it.
     */
    public List<Curve> drawn() {
        List<Curve> order = new ArrayList<>(curves.stream().filter(c -> !c.theory()).toList());
        order.addAll(curves.stream().filter(Curve::theory).toList());
        return order;
    }

    /** Same x values, and y values within {@link #COINCIDE} of each other at every one. */
    public static boolean coincide(Curve a, Curve b) {
        if (a.x().length != b.x().length || a.x().length == 0) {
            return false;
        }
        for (int k = 0; k < a.x().length; k++) {
            double ya = a.y()[k];
            double yb = b.y()[k];
            if (a.x()[k] != b.x()[k] || Math.abs(ya - yb) > COINCIDE * Math.max(Math.abs(ya), Math.abs(yb)) + 1e-12) {
                return false;
            }
        }
        return true;
    }

    /**
     * One line: measured (markers) or theory (dashed, no markers). {@code errors}, when given,
     * are half-widths of a confidence interval around each y, drawn as error bars.
     */
    public record Curve(String name, double[] x, double[] y, boolean theory, double[] errors) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve " + name + ": " + x.length + " x values, " + y.length + " y values");
            }
            if (errors != null && errors.length != y.length) {
                throw new IllegalArgumentException("curve " + name + ": " + errors.length + " error bars for " + y.length + " points");
            }
        }

        public Curve(String name, double[] x, double[] y, boolean theory) {
            this(name, x, y, theory, null);
        }

        public Curve withErrors(double[] halfWidths) {
            return new Curve(name, x, y, theory, halfWidths);
        }
    }

    /**
     * Half-width of a 95 % confidence interval for a rate of {@code successes} in {@code n}
     * trials (Agresti and Coull, "Approximate is better than exact", 1998: add two successes and
     * two failures, then the normal interval). Unlike the plain normal interval it is not zero
     * at 0 % or 100 %: 30 successes out of 30 still leave about ±8 %.
     */
    public static double rateError(double successes, int n) {
        if (n <= 0) {
            return 0;
        }
        double nt = n + 4.0;
        double pt = (successes + 2) / nt;
        return 1.96 * Math.sqrt(pt * (1 - pt) / nt);
    }
}
