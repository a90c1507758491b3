package p2plab.labs.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import p2plab.common.overlay.Overlay;

/** The overlays on the class path, found through {@link ServiceLoader}; the shell knows no overlay by name. */
public final class Overlays {
    private final Map<String, Overlay> byName = new TreeMap<>();

    public Overlays(Iterable<Overlay> found) {
        for (Overlay o : found) {
            byName.putIfAbsent(o.name(), o);
        }
    }

    public static Overlays discover() {
        return new Overlays(ServiceLoader.load(Overlay.class));
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
