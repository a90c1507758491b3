package p2plab.labs.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Overlay;

/**
 * The rules of {@link ArchitectureRules} hold for P2P Lab's production code: every module of
 * the build, each overlay found by the rules themselves. {@code labs} depends on every module,
 * so its test class path holds them all.
 */
class ArchitectureTest {
    /** Test classes live in .../test-classes/ (or a tests jar) whatever the build folder is called. */
    private static final ImportOption NO_TESTS = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(NO_TESTS)
            .importPackages("p2plab");

    @Test
    void everyModuleOfTheBuildIsChecked() throws IOException {
        Set<String> imported = new TreeSet<>();
        PRODUCTION.forEach(c -> imported.add(ArchitectureRules.moduleOf("p2plab", c)));
        for (String module : modulesOfTheBuild()) {
            assertTrue(imported.contains(module), "no classes of module " + module + " imported (only " + imported
                    + "): add it as a dependency of labs/pom.xml, or the rules pass it by unchecked");
        }
    }

    @Test
    void everyInstalledOverlayIsAnOverlayModule() {
        List<String> overlays = new ArrayList<>();
        for (Overlay o : ServiceLoader.load(Overlay.class)) {
            if (!PRODUCTION.contain(o.getClass())) {
                continue; // a test fixture such as common's tiny overlay
            }
            String module = ArchitectureRules.overlayOf("p2plab", PRODUCTION.get(o.getClass()));
            assertTrue(module != null, o.getClass().getName() + " is not in an overlay module p2plab.NAME");
            overlays.add(module);
        }
        assertTrue(overlays.containsAll(List.of("napster", "gnutella", "kazaa", "bittorrent")), overlays.toString());
    }

    @Test
    void overlayModulesNeverDependOnEachOther() {
        ArchitectureRules.overlaysAreIndependent("p2plab").check(PRODUCTION);
    }

    @Test
    void protocolCodeTouchesNoDriverSocketThreadOrWallClock() {
        ArchitectureRules.protocolCodeHasNoIo("p2plab").check(PRODUCTION);
    }

    @Test
    void otherModulesUseAnOverlayThroughItsSpi() {
        ArchitectureRules.othersUseAnOverlayThroughItsSpi("p2plab").check(PRODUCTION);
    }

    @Test
    void codecsArePure() {
        ArchitectureRules.codecsArePure("p2plab").check(PRODUCTION);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles("p2plab").check(PRODUCTION);
    }

    /** The Java modules listed in the root pom.xml (the tests run in labs/). */
    private static List<String> modulesOfTheBuild() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (m.find()) {
            if (Files.isDirectory(Path.of("..", m.group(1), "src", "main", "java"))) {
                modules.add(m.group(1));
            }
        }
        assertTrue(modules.size() >= 6, "modules of ../pom.xml: " + modules);
        return modules;
    }
}
