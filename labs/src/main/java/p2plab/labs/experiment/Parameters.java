package p2plab.labs.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's parameters: its defaults overridden by what the user gave
 * ({@code -p peers=1000 -p ttl=1,2,3}). Unknown names and unreadable values are one-line errors.
 */
public final class Parameters {
    private final Map<String, String> values;

    public Parameters(Map<String, String> defaults, Map<String, String> given) {
        for (String k : given.keySet()) {
            if (!defaults.containsKey(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "'; this experiment takes "
                        + String.join(", ", defaults.keySet()));
            }
        }
        values = new LinkedHashMap<>(defaults);
        values.putAll(given);
    }

    public Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }

    public String string(String name) {
        return values.get(name);
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number, got '" + values.get(name) + "'");
        }
    }

    public double number(String name) {
        try {
            return Double.parseDouble(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + values.get(name) + "'");
        }
    }

    /** A comma-separated list of whole numbers; {@code a..b} stands for every number from a to b. */
    public List<Integer> integers(String name) {
        List<Integer> out = new ArrayList<>();
        for (String part : values.get(name).split(",")) {
            String p = part.trim();
            try {
                if (p.contains("..")) {
                    int from = Integer.parseInt(p.substring(0, p.indexOf("..")).trim());
                    int to = Integer.parseInt(p.substring(p.indexOf("..") + 2).trim());
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + name + " must be numbers like 1,2,5 or 1..30, got '"
                        + values.get(name) + "'");
            }
        }
        return out;
    }

    /** A comma-separated list of words. */
    public List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String part : values.get(name).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
