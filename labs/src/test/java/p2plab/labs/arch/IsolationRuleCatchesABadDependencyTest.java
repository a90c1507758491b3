package p2plab.labs.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The rules are not vacuous: aimed at a fixture in which a "napster" class calls a "gnutella"
 * class, sleeps and opens a socket, each rule fails and names the offending class.
 */
class IsolationRuleCatchesABadDependencyTest {
    private static final String ROOT = "p2plab.labs.arch.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void overlayUsingAnotherOverlayIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.overlaysAreIndependent(ROOT).check(FIXTURE));
        assertTrue(e.getMessage().contains("BadNapsterIndex"), e.getMessage());
        assertTrue(e.getMessage().contains("fixture.gnutella.Router"), e.getMessage());
    }

    @Test
    void protocolCodeThatSleepsOrOpensASocketIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.protocolCodeHasNoIo(ROOT).check(FIXTURE));
        assertTrue(e.getMessage().contains("java.net.Socket"), e.getMessage());
        assertTrue(e.getMessage().contains("Thread.sleep"), e.getMessage());
    }

    @Test
    void aPackageCycleIsCaught() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.noPackageCycles(ROOT).check(FIXTURE));
    }
}
