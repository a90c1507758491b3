package p2plab.labs.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import p2plab.common.overlay.Overlay;

/** The overlays on the class path, found through {@link ServiceLoader}; the shell knows no overlay by name. */
public final class Overlays {
    private final Map<String, Overlay> byName = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    public Overlays(Iterable<Overlay> found) {
        Iterator<Overlay> it = found.iterator();
        // A broken overlay jar must not take the shell down: skip it, remember why.
        for (int guard = 0; guard < 1000; guard++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                Overlay o = it.next();
                byName.putIfAbsent(o.name(), o);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    public static Overlays discover() {
        return new Overlays(ServiceLoader.load(Overlay.class));
    }

    /** Overlays that were listed but could not be loaded, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<Overlay> all() {
        return new ArrayList<>(byName.values());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Overlay get(String name) {
        Overlay o = byName.get(name);
        if (o == null) {
            throw new LabException(byName.isEmpty()
                    ? "no overlay is installed; rebuild p2plab with the overlay modules"
                    : "unknown overlay '" + name + "'; choose one of " + String.join(", ", byName.keySet()));
        }
        return o;
    }
}
