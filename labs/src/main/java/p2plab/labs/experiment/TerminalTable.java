package p2plab.labs.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An experiment's table as people read it on a terminal: rates as percentages, at most three
 * significant digits, and the unit of every column in its header. The CSV and JSON keep the
 * full figures; this is only how they are shown.
 *
 * <p>Units come from the column names ({@code _s}: seconds; {@code _pct}: percent;
 * {@code success}, {@code _success}, {@code _completion}: a rate shown as a percentage) or from
 * the experiment's own {@link Experiment#units()}.
 */
public final class TerminalTable {
    private TerminalTable() {
    }

    public static String render(ResultTable t, Map<String, String> units) {
        List<String> columns = t.columns();
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(header(c, units));
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> r = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                r.add(cell(row.get(c), isRate(columns.get(c))));
            }
            cells.add(r);
        }
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : cells) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        for (int c = 0; c < width.length; c++) {
            b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        b.append('\n');
        for (List<String> r : cells) {
            line(b, r, width);
        }
        return b.toString();
    }

    /** {@code mean_session_s} gives "mean session (s)"; a rate gets "(%)". */
    static String header(String column, Map<String, String> units) {
        if (units.containsKey(column)) {
            return column.replace('_', ' ') + " (" + units.get(column) + ")";
        }
        if (isRate(column)) {
            return column.replace('_', ' ') + " (%)";
        }
        if (column.endsWith("_pct")) {
            return column.substring(0, column.length() - 4).replace('_', ' ') + " (%)";
        }
        if (column.endsWith("_s")) {
            return column.substring(0, column.length() - 2).replace('_', ' ') + " (s)";
        }
        return column.replace('_', ' ');
    }

    static boolean isRate(String column) {
        return column.equals("success") || column.endsWith("_success") || column.endsWith("_completion");
    }

    /** Whole numbers as they are; others to three significant digits (whole from 100 up); rates times 100. */
    static String cell(Object o, boolean rate) {
        if (!(o instanceof Double || o instanceof Float)) {
            return String.valueOf(o);
        }
        return threeDigits(((Number) o).doubleValue() * (rate ? 100 : 1));
    }

    /** At most three significant digits, whole numbers from 100 up (6153, 97.4, 4.9, 0.467); "-" for NaN. */
    public static String threeDigits(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        if (Math.abs(d) >= 100) {
            return Long.toString(Math.round(d));
        }
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(d).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String s = cells.get(c);
            b.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - s.length())).append(s);
        }
        b.append('\n');
    }
}
