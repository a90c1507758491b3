package p2plab.labs.commands;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import p2plab.labs.session.Lab;

/** Builds commands and completion candidates with the session they act on (constructor injection, no statics). */
public final class LabFactory implements CommandLine.IFactory {
    private final Lab lab;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public LabFactory(Lab lab) {
        this.lab = lab;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Lab.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(lab));
            }
        }
        return fallback.create(cls);
    }
}
