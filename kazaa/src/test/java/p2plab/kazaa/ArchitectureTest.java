package p2plab.kazaa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Protocol code stays apart from I/O and threads, and the overlay depends on no other overlay. */
class ArchitectureTest {
    private static final JavaClasses KAZAA = new ClassFileImporter()
            .withImportOption(location -> !location.contains("test-classes")) // any build folder, main code only
            .importPackages("p2plab.kazaa");

    @Test
    void noOtherOverlayIsUsed() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "p2plab.gnutella..", "p2plab.napster..", "p2plab.bittorrent..", "p2plab.labs..").check(KAZAA);
    }

    @Test
    void protocolCodeTouchesNoSocketsThreadsOrWallClock() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.net..", "java.nio.channels..")
                .check(KAZAA);
        noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(KAZAA);
    }

    @Test
    void theWireFormatAndTheElectionKnowNothingOfPeersOrNetworks() {
        noClasses().that().resideInAnyPackage("p2plab.kazaa.wire..", "p2plab.kazaa.election..")
                .should().dependOnClassesThat().resideInAnyPackage("p2plab.kazaa.node..", "p2plab.kazaa.supernode..",
                        "p2plab.common.transport.sim..", "p2plab.common.transport.tcp..")
                .check(KAZAA);
    }
}
