package p2plab.labs.session;

import p2plab.labs.console.Console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one shell session holds: the overlays found, the networks built (several at once,
 * one current), where output goes, and whether the user asked to quit.
 */
public final class Lab implements AutoCloseable {
    private final Overlays overlays;
    private final Map<String, LabNetwork> networks = new LinkedHashMap<>();
    private Console console;
    private String current;
    private boolean debug;
    private boolean quitRequested;
    private boolean interactive;
    private int scriptDepth;
    /** Things started by commands that outlive them (background trackers and seeds). */
    private final java.util.List<AutoCloseable> owned = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Lab(Overlays overlays, Console console) {
        this.overlays = overlays;
        this.console = console;
    }

    public Overlays overlays() {
        return overlays;
    }

    public Console console() {
        return console;
    }

    public void console(Console c) {
        console = c;
    }

    public boolean debug() {
        return debug;
    }

    public void debug(boolean on) {
        debug = on;
    }

    public void add(LabNetwork n) {
        if (networks.containsKey(n.name())) {
            n.close();
            throw new LabException("a network called '" + n.name() + "' exists already; pick another --name or `network destroy " + n.name() + "`");
        }
        networks.put(n.name(), n);
        current = n.name();
    }

    public boolean has(String name) {
        return networks.containsKey(name);
    }

    /** The current network, or an error telling the user how to make one. */
    public LabNetwork current() {
        if (current == null) {
            throw new LabException("no network yet; create one, e.g. `network create "
                    + (overlays.names().isEmpty() || overlays.has("gnutella") ? "gnutella" : overlays.names().get(0)) + " --peers 20`");
        }
        return networks.get(current);
    }

    public Optional<LabNetwork> currentIfAny() {
        return Optional.ofNullable(current == null ? null : networks.get(current));
    }

    public LabNetwork get(String name) {
        LabNetwork n = networks.get(name);
        if (n == null) {
            throw new LabException("there is no network '" + name + "'; `network list` shows "
                    + (networks.isEmpty() ? "none yet" : String.join(", ", networks.keySet())));
        }
        return n;
    }

    public void use(String name) {
        get(name);
        current = name;
    }

    public void destroy(String name) {
        LabNetwork n = get(name);
        networks.remove(name);
        if (name.equals(current)) {
            current = networks.isEmpty() ? null : new ArrayList<>(networks.keySet()).get(networks.size() - 1);
        }
        n.close();
    }

    public List<LabNetwork> networks() {
        return new ArrayList<>(networks.values());
    }

    public String currentName() {
        return current;
    }

    /** A free default name such as {@code gnutella-1}. */
    public String freeName(String overlay) {
        for (int i = 1; ; i++) {
            String name = overlay + "-" + i;
            if (!networks.containsKey(name)) {
                return name;
            }
        }
    }

    /** `quit`: stops what commands left running in the background; the shell then closes the session. */
    public void requestQuit() {
        quitRequested = true;
        closeOwned();
    }

    /** Closes {@code resource} on `quit` or when the session ends, whichever comes first. */
    public void closeWithSession(AutoCloseable resource) {
        owned.add(resource);
    }

    /** True in the interactive shell: long-running commands must then give the prompt back. */
    public boolean interactive() {
        return interactive;
    }

    public void interactive(boolean on) {
        interactive = on;
    }

    private RuntimeException closeOwned() {
        RuntimeException first = null;
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                first = first == null ? new IllegalStateException(e.getMessage(), e) : first;
            }
        }
        owned.clear();
        return first;
    }

    public boolean quitRequested() {
        return quitRequested;
    }

    /** Guards against a script that runs itself. */
    public void enterScript() {
        if (scriptDepth >= 8) {
            throw new LabException("scripts nested more than 8 deep; does a script `run` itself?");
        }
        scriptDepth++;
    }

    public void leaveScript() {
        scriptDepth--;
    }

    /** Closes every network: every port closed, every thread stopped. */
    @Override
    public void close() {
        RuntimeException first = closeOwned();
        for (LabNetwork n : networks.values()) {
            try {
                n.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        networks.clear();
        current = null;
        if (first != null) {
            throw first;
        }
    }
}
