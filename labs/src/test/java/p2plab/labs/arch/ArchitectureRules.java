package p2plab.labs.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import p2plab.common.overlay.Network;
import p2plab.common.transport.Transport;
import p2plab.common.transport.WireFormat;

/**
 * The architecture as rules, the only copy. Every rule takes the root package, so the same
 * rules check P2P Lab ({@code p2plab}) and a deliberately broken fixture.
 *
 * <p>Under the root, {@code common} is the foundation and {@code labs} the application; every
 * other top-level package is an overlay module. Nothing lists the overlays: a new module
 * ({@code p2plab.kademlia}) is covered as soon as its classes are imported.
 *
 * <ol>
 * <li>{@link #overlaysAreIndependent}: an overlay depends on no other overlay and not on the
 *     application; common depends on none of them.</li>
 * <li>{@link #protocolCodeHasNoIo}: outside the two drivers, the real-time clock and the
 *     application, nothing touches a driver, Netty, a socket, a thread or the wall clock, nor
 *     asks which driver runs ({@code Transport.kind()}), so every overlay runs unchanged on both.</li>
 * <li>{@link #othersUseAnOverlayThroughItsSpi}: outside its module nothing names an overlay's
 *     {@link Network} class (no casts): the shell, experiments and labs get a {@code Network}
 *     from {@code Overlay.create} and whatever else they need from the overlay's options.</li>
 * <li>{@link #codecsArePure}: the package holding an overlay's {@link WireFormat} knows
 *     nothing else of its overlay (a codec is a pure class, tested on its own).</li>
 * <li>{@link #noPackageCycles}: no package cycles anywhere under the root.</li>
 * </ol>
 */
final class ArchitectureRules {
    /** The packages under the root that are not overlays. */
    static final Set<String> NOT_OVERLAYS = Set.of("common", "labs");

    private ArchitectureRules() {
    }

    /** The first package below {@code root} that holds {@code c} ("napster"), or null. */
    static String moduleOf(String root, JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(root + ".")) {
            return null;
        }
        String rest = p.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The overlay module holding {@code c}, or null for common, the application and anything outside the root. */
    static String overlayOf(String root, JavaClass c) {
        String m = moduleOf(root, c);
        return m == null || NOT_OVERLAYS.contains(m) ? null : m;
    }

    static DescribedPredicate<JavaClass> inAnOverlay(String root) {
        return DescribedPredicate.describe("reside in an overlay module", c -> overlayOf(root, c) != null);
    }

    /** Rule 1: no overlay uses another overlay or the application; common uses none of them. */
    static ArchRule overlaysAreIndependent(String root) {
        ArchRule overlays = classes().that(inAnOverlay(root))
                .should(new ArchCondition<JavaClass>("depend on no other overlay and not on " + root + ".labs") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String own = overlayOf(root, c);
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = moduleOf(root, d.getTargetClass());
                            if (target != null && !target.equals(own) && !target.equals("common")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("overlay modules never depend on each other; arrows point down to common");
        ArchRule common = noClasses().that().resideInAPackage(root + ".common..")
                .should().dependOnClassesThat(DescribedPredicate.describe("belong to an overlay or the application",
                        c -> overlayOf(root, c) != null || "labs".equals(moduleOf(root, c))))
                .allowEmptyShould(true)
                .because("common is the foundation every overlay builds on");
        return CompositeArchRule.of(overlays).and(common);
    }

    /**
     * Rule 2: protocol code stays apart from I/O. Only the drivers, the real-time clock (which
     * reads System.nanoTime by design), {@code common.cores} (which builds large topologies,
     * catalogues and tables on every core, before any protocol runs) and the application may use them.
     */
    static ArchRule protocolCodeHasNoIo(String root) {
        DescribedPredicate<JavaClass> protocolCode = DescribedPredicate.describe(
                "are protocol code (not a driver, the real-time clock or the application)",
                c -> {
                    String p = c.getPackageName();
                    return p.startsWith(root + ".") && !p.startsWith(root + ".labs")
                            && !p.startsWith(root + ".common.transport.sim") && !p.startsWith(root + ".common.transport.tcp")
                            && !c.getName().equals(root + ".common.time.RealClock") && !p.equals(root + ".common.cores");
                });
        DescribedPredicate<JavaClass> io = DescribedPredicate.describe("are a driver, Netty, a socket or a thread", c -> {
            String n = c.getName();
            if (n.startsWith("p2plab.common.transport.sim.") || n.startsWith("p2plab.common.transport.tcp.")
                    || n.startsWith("io.netty.")) {
                return true;
            }
            if (n.startsWith("java.nio.channels.")) {
                return !n.startsWith("java.nio.channels.File"); // files are fine, network channels are not
            }
            if (n.startsWith("java.net.")) {
                // URI and URL encoding are plain string utilities; everything else opens connections.
                return !Set.of("java.net.URI", "java.net.URLEncoder", "java.net.URLDecoder", "java.net.URISyntaxException")
                        .contains(n);
            }
            return n.equals("java.lang.Thread") || n.equals("java.util.Timer")
                    || n.startsWith("java.util.concurrent.Executor") || n.startsWith("java.util.concurrent.ScheduledExecutor")
                    || n.equals("java.util.concurrent.ThreadPoolExecutor") || n.equals("java.util.concurrent.ForkJoinPool");
        });
        DescribedPredicate<JavaMethodCall> driverOrWallClock = DescribedPredicate.describe("ask which driver runs, read the wall clock or sleep", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.equals(Transport.class.getName()) && name.equals("kind") // which driver: none of its business
                    || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                    || owner.equals("java.lang.Thread") && name.equals("sleep")
                    || owner.startsWith("java.time.") && name.equals("now");
        });
        ArchRule noIo = noClasses().that(protocolCode).should().dependOnClassesThat(io)
                .allowEmptyShould(true)
                .because("protocol code speaks only the transport SPI, so it runs unchanged on both drivers");
        ArchRule noDriverOrWallClock = noClasses().that(protocolCode).should().callMethodWhere(driverOrWallClock)
                .allowEmptyShould(true)
                .because("protocol code reads time from its node's Clock, so virtual time works, and cannot tell the drivers apart");
        return CompositeArchRule.of(noIo).and(noDriverOrWallClock);
    }

    /** Rule 3: outside an overlay's module, nothing names its Network class. */
    static ArchRule othersUseAnOverlayThroughItsSpi(String root) {
        return classes().should(new ArchCondition<JavaClass>("not name another module's Network class") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = moduleOf(root, c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String owner = overlayOf(root, target);
                    if (owner != null && !owner.equals(own) && target.isAssignableTo(Network.class)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).allowEmptyShould(true)
                .because("other modules get a Network from Overlay.create and what else they need from the overlay's options");
    }

    /** Rule 4: the package of an overlay's wire format depends on nothing else of that overlay. */
    static ArchRule codecsArePure(String root) {
        return classes().that(inAnOverlay(root))
                .should(new ArchCondition<JavaClass>("in a codec package, depend on no other package of their overlay") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        if (!isCodecPackage(c)) {
                            return;
                        }
                        String own = overlayOf(root, c);
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (own.equals(overlayOf(root, target)) && !target.getPackageName().equals(c.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("a codec is a pure class: bytes in, messages out, tested on its own");
    }

    /** A package is a codec package when one of its classes is a {@link WireFormat}. */
    private static boolean isCodecPackage(JavaClass c) {
        return c.getPackage().getClasses().stream()
                .anyMatch(k -> !k.isInterface() && k.isAssignableTo(WireFormat.class));
    }

    /** Rule 5: every package under {@code root}, taken one by one, is free of dependency cycles. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
