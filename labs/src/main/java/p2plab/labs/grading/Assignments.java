package p2plab.labs.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The catalogue of labs, read from the resource {@code labs/assignments.properties}: one block
 * of keys per lab, listed in order by {@code labs}. Adding a lab is adding a block there.
 */
public final class Assignments {
    static final String RESOURCE = "/labs/assignments.properties";

    private final List<LabAssignment> labs;

    private Assignments(List<LabAssignment> labs) {
        this.labs = List.copyOf(labs);
    }

    public static Assignments load() {
        Properties p = new Properties();
        try (InputStream in = Assignments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lab catalogue " + RESOURCE + " is missing from this build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LabAssignment> labs = new ArrayList<>();
        int number = 0;
        for (String id : p.getProperty("labs", "").split(",")) {
            id = id.trim();
            if (id.isEmpty()) {
                continue;
            }
            number = Integer.parseInt(p.getProperty(id + ".number", Integer.toString(number + 1)).trim());
            labs.add(new LabAssignment(id, number, required(p, id, "title"), required(p, id, "tests"),
                    required(p, id, "strategy"), required(p, id, "student"), required(p, id, "reference")));
        }
        return new Assignments(labs);
    }

    private static String required(Properties p, String id, String key) {
        String v = p.getProperty(id + "." + key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("lab catalogue: " + id + "." + key + " is missing");
        }
        return v.trim();
    }

    public List<LabAssignment> all() {
        return labs;
    }

    public List<String> ids() {
        return labs.stream().map(LabAssignment::id).toList();
    }

    public Optional<LabAssignment> find(String idOrNumber) {
        for (LabAssignment lab : labs) {
            if (lab.id().equalsIgnoreCase(idOrNumber) || String.valueOf(lab.number()).equals(idOrNumber)) {
                return Optional.of(lab);
            }
        }
        return Optional.empty();
    }

    /** The lab, or an {@link IllegalArgumentException} that lists the known ones. */
    public LabAssignment require(String idOrNumber) {
        return find(idOrNumber).orElseThrow(() -> new IllegalArgumentException(
                "unknown lab '" + idOrNumber + "'; choose one of " + String.join(", ", ids())));
    }
}
