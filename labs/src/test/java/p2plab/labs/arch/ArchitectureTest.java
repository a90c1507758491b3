package p2plab.labs.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureRules} hold for P2P Lab's production code. */
class ArchitectureTest {
    /** Test classes live in .../test-classes/ (or a tests jar) whatever the build folder is called. */
    private static final ImportOption NO_TESTS = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(NO_TESTS)
            .importPackages("p2plab");

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : new String[] {"common", "napster", "gnutella", "kazaa", "bittorrent", "streaming", "labs"}) {
            assertTrue(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith("p2plab." + module)),
                    "no classes of " + module + " imported: the rules would pass vacuously");
        }
    }

    @Test
    void overlayModulesNeverDependOnEachOther() {
        ArchitectureRules.overlaysAreIndependent("p2plab").check(PRODUCTION);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles("p2plab").check(PRODUCTION);
    }

    @Test
    void protocolCodeUsesNeitherNettyNorSocketsNorTheWallClock() {
        ArchitectureRules.protocolCodeHasNoIo("p2plab").check(PRODUCTION);
    }
}
