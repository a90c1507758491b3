package p2plab.labs.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table that fits the terminal: numbers right-aligned, a coloured header, and the widest
 * columns cut with an ellipsis when the rows would not fit.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean wrapLast;

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, got " + cells.length);
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    /**
     * Wraps the last column's words onto extra lines instead of cutting them, for tables whose
     * last column is prose (descriptions in `help` and `overlays`).
     */
    public Table wrapLast() {
        wrapLast = true;
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(Console console) {
        int n = header.size();
        int[] w = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            w[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
                numeric[c] &= r.get(c).matches("-?[0-9][0-9.,]*( ?%| ms| s|x)?|-");
            }
        }
        int last = n - 1;
        if (wrapLast && !numeric[last] && total(w) > console.width()) {
            w[last] = Math.max(header.get(last).length(), Math.max(20, console.width() - (total(w) - w[last])));
        }
        shrinkToFit(w, console.width());
        console.println(console.colour(Console.Colour.BOLD, console.colour(Console.Colour.CYAN, line(header, w, numeric))));
        for (List<String> r : rows) {
            if (!wrapLast || r.get(last).length() <= w[last]) {
                console.println(line(r, w, numeric));
                continue;
            }
            List<String> parts = Wrap.lines(List.of(r.get(last).split(" ")), w[last], "");
            for (int i = 0; i < parts.size(); i++) {
                List<String> cells = new ArrayList<>(i == 0 ? r : java.util.Collections.nCopies(n, ""));
                cells.set(last, parts.get(i));
                console.println(line(cells, w, numeric));
            }
        }
    }

    /** Narrows the widest column, one character at a time, until the row fits (never below 6). */
    private static void shrinkToFit(int[] w, int width) {
        while (total(w) > width) {
            int widest = 0;
            for (int c = 1; c < w.length; c++) {
                if (w[c] > w[widest]) {
                    widest = c;
                }
            }
            if (w[widest] <= 6) {
                return;
            }
            w[widest]--;
        }
    }

    private static int total(int[] w) {
        int t = 0;
        for (int x : w) {
            t += x + 2;
        }
        return t - 2;
    }

    private static String line(List<String> cells, int[] w, boolean[] numeric) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c);
            if (text.length() > w[c]) {
                text = text.substring(0, w[c] - 1) + "…";
            }
            String pad = " ".repeat(w[c] - text.length());
            b.append(numeric[c] ? pad + text : c == cells.size() - 1 ? text : text + pad);
            if (c < cells.size() - 1) {
                b.append("  ");
            }
        }
        return b.toString();
    }
}
