package p2plab.gnutella;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The servent is protocol logic only: it never touches a transport driver, Netty, sockets, threads
 * or the wall clock, and the gnutella module never reaches into another overlay.
 */
class ProtocolIsolationTest {
    private final JavaClasses gnutella = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/")) // any build folder name
            .importPackages("p2plab.gnutella");

    @Test
    void noDriverNettyOrOtherOverlay() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.netty..", "p2plab.common.transport.sim..", "p2plab.common.transport.tcp..",
                "p2plab.napster..", "p2plab.kazaa..", "p2plab.bittorrent..", "p2plab.labs..")
                .check(gnutella);
    }

    @Test
    void protocolCodeKeepsProtocolTime() {
        noClasses().that().resideInAnyPackage("p2plab.gnutella.servent..", "p2plab.gnutella.routing..",
                        "p2plab.gnutella.message..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .check(gnutella);
    }
}
