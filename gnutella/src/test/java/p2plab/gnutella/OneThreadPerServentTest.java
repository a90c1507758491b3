package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.gnutella.servent.Servent;

/**
 * A servent's state belongs to its node's thread. The network, called from the shell's or an
 * experiment's thread, may only hand work to that thread ({@code node().execute(...)}, whose
 * lambdas run there) and read what the servent publishes for other threads.
 */
class OneThreadPerServentTest {
    /** Servent methods safe from any thread: its node, its address, and its published views. */
    private static final Set<String> SAFE_FROM_ANY_THREAD = Set.of("<init>", "start", "node", "isAlive", "address",
            "neighbourAddresses", "knownHosts", "seenTableEvictions", "degree", "files", "config");

    @Test
    void theNetworkTouchesAServentOnlyThroughItsNodesThreadOrItsPublishedViews() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("test-classes"))
                .importPackages("p2plab.gnutella");
        List<String> offThread = classes.get(GnutellaNetwork.class).getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isEquivalentTo(Servent.class))
                .filter(call -> !call.isDeclaredInLambda()) // runs where the lambda is handed: node().execute(...)
                .filter(call -> !SAFE_FROM_ANY_THREAD.contains(call.getName()))
                .map(JavaMethodCall::getDescription)
                .toList();
        assertEquals(List.of(), offThread);
    }
}
