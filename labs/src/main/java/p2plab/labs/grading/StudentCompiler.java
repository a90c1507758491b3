package p2plab.labs.grading;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a lab's student sources ({@code student/<lab>/*.java}) at run time against the running
 * classpath, into a temporary folder, and loads the student's class through a child class
 * loader. The student's code is outside the Maven build, so a compile error there costs that
 * lab's points and never breaks {@code p2plab} itself.
 */
public final class StudentCompiler {
    private final Path studentRoot;

    /** @param studentRoot the {@code student/} folder */
    public StudentCompiler(Path studentRoot) {
        this.studentRoot = studentRoot;
    }

    public Path labFolder(LabAssignment lab) {
        return studentRoot.resolve(lab.id());
    }

    public StudentBuild build(LabAssignment lab) {
        Path folder = labFolder(lab);
        List<Path> sources;
        try (Stream<Path> files = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            return new StudentBuild.Failed("cannot read " + folder + ": " + e.getMessage(), e.toString());
        }
        if (sources.isEmpty()) {
            String why = "no student sources in " + folder + " (expected " + lab.studentClass().replace('.', '/') + ".java)";
            return new StudentBuild.Failed(why, why);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            String why = "this Java runtime has no compiler: run p2plab with a JDK 17+, not a JRE";
            return new StudentBuild.Failed(why, why);
        }
        Path out;
        try {
            out = Files.createTempDirectory("p2plab-student-" + lab.id());
            deleteOnExit(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter compilerOut = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classpath(lab), "--release", "17",
                    "-proc:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");
            boolean ok = javac.getTask(compilerOut, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                String messages = describe(diagnostics);
                long errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
                return new StudentBuild.Failed("your " + lab.id() + " code does not compile (" + errors + " error"
                        + (errors == 1 ? "" : "s") + "): " + firstLine(messages), messages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return load(lab, out);
    }

    private StudentBuild load(LabAssignment lab, Path classes) {
        try {
            // Not closed: the student's classes are used until the grader exits.
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, lab.strategyType().getClassLoader());
            Class<?> impl = Class.forName(lab.studentClass(), false, loader);
            return new StudentBuild.Ready(LabAssignment.factoryOf(impl, lab.strategyType()));
        } catch (ClassNotFoundException e) {
            String why = "class " + lab.studentClass() + " not found: keep the stub's package and class name";
            return new StudentBuild.Failed(why, why);
        } catch (IllegalArgumentException e) {
            return new StudentBuild.Failed(e.getMessage(), e.getMessage());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compiled classes are needed until the JVM ends; then the folder goes. */
    private static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temp folder left behind is harmless
            }
        }, "p2plab-student-cleanup"));
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
            b.append(file).append("error: ").append(d.getMessage(Locale.ROOT)).append('\n');
        }
        return b.toString().strip();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The running classpath, plus the code source of the classes the student needs: under
     * surefire or a shaded jar {@code java.class.path} alone may not list them.
     */
    private static String classpath(LabAssignment lab) {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        List<Class<?>> anchors = new ArrayList<>(List.of(lab.strategyType(), StudentCompiler.class,
                p2plab.common.overlay.Overlay.class));
        for (Class<?> c : anchors) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
                // keep what we have: javac will name any class it cannot find
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
