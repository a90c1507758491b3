package p2plab.labs.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on the throwaway build in {@code fixture}, whose
 * overlays ({@code alpha}, {@code beta}, {@code gamma}) no rule names, and names the class that
 * broke it; the clean overlay {@code gamma} is never blamed.
 */
class RulesCatchEveryViolationTest {
    private static final String ROOT = "p2plab.labs.arch.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void anOverlayUsingAnotherOverlayIsCaught() {
        String report = violations(ArchitectureRules.overlaysAreIndependent(ROOT));
        assertTrue(report.contains("RoutingPeer") && report.contains("fixture.beta.BetaRouter"), report);
        assertTrue(report.contains("BetaRouter") && report.contains("fixture.alpha.wire.AlphaCodec"), report);
        assertTrue(report.contains("BadCommon"), "common using an overlay: " + report);
    }

    @Test
    void protocolCodeThatSleepsReadsTheWallClockOpensASocketOrTellsTheDriversApartIsCaught() {
        String report = violations(ArchitectureRules.protocolCodeHasNoIo(ROOT));
        assertTrue(report.contains("Thread.sleep"), report);
        assertTrue(report.contains("System.currentTimeMillis"), report);
        assertTrue(report.contains("java.net.Socket"), report);
        assertTrue(report.contains("DriverPeer") && report.contains("SimTransport"), report);
        assertTrue(report.contains("simulatedByName") && report.contains("Transport.kind()"), report);
        assertFalse(report.contains("GammaPeer"), report);
    }

    @Test
    void aCastToAnotherModulesNetworkClassIsCaught() {
        String report = violations(ArchitectureRules.othersUseAnOverlayThroughItsSpi(ROOT));
        assertTrue(report.contains("BadExperiment") && report.contains("AlphaNetwork"), report);
    }

    @Test
    void aCodecThatKnowsItsPeersIsCaught() {
        String report = violations(ArchitectureRules.codecsArePure(ROOT));
        assertTrue(report.contains("AlphaCodec") && report.contains("SleepyPeer"), report);
    }

    @Test
    void aPackageCycleIsCaught() {
        String report = violations(ArchitectureRules.noPackageCycles(ROOT));
        assertTrue(report.contains("alpha") && report.contains("beta"), report);
    }

    @Test
    void theCleanOverlayAloneBreaksNoRule() {
        JavaClasses gamma = new ClassFileImporter().importPackages(ROOT + ".gamma");
        for (ArchRule rule : new ArchRule[] {ArchitectureRules.overlaysAreIndependent(ROOT),
                ArchitectureRules.protocolCodeHasNoIo(ROOT), ArchitectureRules.othersUseAnOverlayThroughItsSpi(ROOT),
                ArchitectureRules.codecsArePure(ROOT), ArchitectureRules.noPackageCycles(ROOT)}) {
            rule.check(gamma);
        }
    }

    private static String violations(ArchRule rule) {
        return assertThrows(AssertionError.class, () -> rule.check(FIXTURE)).getMessage();
    }
}
