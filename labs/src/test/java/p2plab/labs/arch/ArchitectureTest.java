package p2plab.labs.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureRules} hold for P2P Lab's production code. */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("p2plab");

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : new String[] {"common", "napster", "gnutella", "kazaa", "bittorrent", "labs"}) {
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
