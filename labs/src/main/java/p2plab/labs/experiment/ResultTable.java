package p2plab.labs.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Named columns, one row per measurement: an experiment's figures, or the shell's counters for
 * {@code export --csv}. The one CSV writer of P2P Lab (RFC 4180: a cell holding a comma, a
 * quote or a line break is quoted). Numbers are formatted the same way every time (fixed
 * decimals, no locale), so the same seed gives the same CSV byte for byte.
 */
public final class ResultTable {
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public ResultTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public ResultTable add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    /** The values of one column, as numbers. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] v = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            v[r] = ((Number) rows.get(r).get(c)).doubleValue();
        }
        return v;
    }

    public String toCsv() {
        StringBuilder b = new StringBuilder();
        csvLine(b, columns);
        for (List<Object> row : rows) {
            csvLine(b, row);
        }
        return b.toString();
    }

    private static void csvLine(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = format(cells.get(i));
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            b.append(i > 0 ? "," : "").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        b.append('\n');
    }

    /** A plain-text table for the terminal, columns right-aligned. */
    public String toText() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<Object> row : rows) {
                width[c] = Math.max(width[c], format(row.get(c)).length());
            }
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, new ArrayList<>(columns), width);
        for (int c = 0; c < width.length; c++) {
            b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        b.append('\n');
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object o : row) {
                cells.add(format(o));
            }
            appendRow(b, cells, width);
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<?> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String s = String.valueOf(cells.get(c));
            b.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - s.length())).append(s);
        }
        b.append('\n');
    }

    /**
     * The rows for JSON: numbers stay numbers (a reader loading the file gets numbers, not
     * text), and a missing figure (NaN) becomes null.
     */
    public List<List<Object>> jsonRows() {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            for (Object o : row) {
                cells.add(o instanceof Number n && Double.isNaN(n.doubleValue()) ? null : o);
            }
            out.add(cells);
        }
        return out;
    }

    /** Integers as integers, other numbers with 4 decimals. */
    static String format(Object o) {
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(o);
    }
}
