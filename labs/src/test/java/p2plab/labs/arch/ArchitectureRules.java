package p2plab.labs.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of DESIGN.md as rules: overlays never depend on each other, packages have
 * no cycles, and protocol code touches neither sockets, Netty, threads nor the wall clock.
 * Rules take the root package so a test can aim them at a deliberately broken fixture.
 */
final class ArchitectureRules {
    static final List<String> OVERLAYS = List.of("napster", "gnutella", "kazaa", "bittorrent", "streaming");

    private ArchitectureRules() {
    }

    /** No overlay module uses another overlay, or the application; common uses none of them. */
    static ArchRule overlaysAreIndependent(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            List<String> forbidden = new ArrayList<>();
            for (String other : OVERLAYS) {
                if (!other.equals(overlay)) {
                    forbidden.add(root + "." + other + "..");
                }
            }
            forbidden.add(root + ".labs..");
            rules.add(noClasses().that().resideInAPackage(root + "." + overlay + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .because("overlay modules never depend on each other (DESIGN.md)"));
        }
        List<String> everythingButCommon = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            everythingButCommon.add(root + "." + overlay + "..");
        }
        everythingButCommon.add(root + ".labs..");
        rules.add(noClasses().that().resideInAPackage(root + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(everythingButCommon.toArray(String[]::new))
                .allowEmptyShould(true)
                .because("common is the foundation every overlay builds on"));
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule r : rules.subList(1, rules.size())) {
            all = all.and(r);
        }
        return all;
    }

    /** Every package of {@code root}, taken one by one, is free of dependency cycles. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /**
     * Protocol code stays apart from I/O: only the TCP driver and the application may use Netty,
     * sockets, threads or the wall clock (the real-time clock reads System.nanoTime, by design).
     */
    static ArchRule protocolCodeHasNoIo(String root) {
        DescribedPredicate<JavaClass> ioAllowed = new DescribedPredicate<>("the TCP driver, the real-time clock or the application") {
            @Override
            public boolean test(JavaClass c) {
                String p = c.getPackageName();
                return p.startsWith(root + ".common.transport.tcp") || p.startsWith(root + ".labs")
                        || c.getName().equals(root + ".common.time.RealClock");
            }
        };
        DescribedPredicate<JavaClass> socketsAndNetty = new DescribedPredicate<>("Netty, sockets or threads") {
            @Override
            public boolean test(JavaClass c) {
                String n = c.getName();
                if (n.startsWith("io.netty.")) {
                    return true;
                }
                if (n.startsWith("java.net.")) {
                    // URI and URL encoding are plain string utilities; everything else opens connections.
                    return !(n.equals("java.net.URI") || n.equals("java.net.URLEncoder") || n.equals("java.net.URLDecoder")
                            || n.equals("java.net.URISyntaxException"));
                }
                return n.equals("java.lang.Thread") || n.equals("java.util.concurrent.Executors")
                        || n.equals("java.util.Timer");
            }
        };
        ArchRule noSockets = noClasses().that(DescribedPredicate.not(ioAllowed)).and().resideInAPackage(root + "..")
                .should().dependOnClassesThat(socketsAndNetty)
                .allowEmptyShould(true)
                .because("protocol logic is kept apart from I/O so it runs unchanged in simulation");
        ArchRule noWallClock = noClasses().that(DescribedPredicate.not(ioAllowed)).and().resideInAPackage(root + "..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .allowEmptyShould(true)
                .because("protocol code reads time from its Clock, so virtual time works");
        return CompositeArchRule.of(noSockets).and(noWallClock);
    }
}
