package p2plab.labs.grading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The implementation under test. The grader installs a factory (the student's class, the
 * reference solution, or a test's deliberately wrong one) before it launches a lab's tests, and
 * each test asks for a fresh instance with {@link #get}. Tests may run on JUnit's timeout
 * threads, hence the concurrent map.
 */
public final class Subject {
    private static final Map<Class<?>, Supplier<?>> FACTORIES = new ConcurrentHashMap<>();

    private Subject() {
    }

    public static <T> void install(Class<T> type, Supplier<? extends T> factory) {
        FACTORIES.put(type, factory);
    }

    public static void clear(Class<?> type) {
        FACTORIES.remove(type);
    }

    /** A new instance of the implementation under test. */
    public static <T> T get(Class<T> type) {
        return type.cast(factory(type).get());
    }

    /** The factory itself, for overlays that make one instance per peer. */
    @SuppressWarnings("unchecked")
    public static <T> Supplier<T> factory(Class<T> type) {
        Supplier<?> f = FACTORIES.get(type);
        if (f == null) {
            throw new IllegalStateException("no implementation of " + type.getSimpleName()
                    + " installed: run these tests through the grader (p2plab grade <lab>)");
        }
        return () -> type.cast(f.get());
    }
}
