package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.metrics.Json;
import picocli.CommandLine;

/**
 * The student edition: exported without the reference solutions, its labs module compiles, and
 * its grader scores the untouched stubs 0. Building the export with Maven inside a test would
 * take minutes on a shared machine, so the exported labs sources are compiled with javax.tools
 * against the current classpath and loaded child-first, apart from this build's own labs classes.
 */
class StudentEditionTest {

    @Test
    void theExportCompilesHasNoReferencesAndGradesTheStubsAtZero(@TempDir Path dir) throws Exception {
        Path tree = SourceTree.find(Path.of("")).orElseThrow();
        Path export = dir.resolve("edition");
        assertTrue(StudentEdition.export(tree, export) > 50);

        String assignment = "labs/src/main/java/p2plab/labs/assignment/";
        for (String lab : List.of("napster", "gnutella", "kazaa", "picker", "choker", "distribution", "kademlia", "streaming")) {
            assertTrue(Files.isDirectory(tree.resolve(assignment + lab + "/reference")), "the instructor tree has " + lab + "'s reference");
            assertFalse(Files.exists(export.resolve(assignment + lab + "/reference")), lab + "'s reference left out");
            assertTrue(Files.isDirectory(export.resolve("student/" + lab)), lab + "'s stub is in");
        }
        try (Stream<Path> s = Files.walk(export.resolve(assignment))) {
            List<Path> tests = s.filter(p -> p.getFileName().toString().endsWith("LabTests.java")).toList();
            assertEquals(Assignments.load().all().size(), tests.size());
            for (Path t : tests) {
                assertFalse(Files.readString(t).contains(HiddenTests.MARK), t + " still holds a hidden test");
            }
        }
        assertFalse(Files.exists(export.resolve("labs/src/test/java/p2plab/labs/assignment")));
        assertFalse(Files.exists(export.resolve("docs/labs/instructors.md")));
        try (Stream<Path> s = Files.walk(export)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("target") || p.getFileName().toString().equals(".git")),
                    "no build output and no .git");
        }

        Path classes = dir.resolve("classes");
        compile(export.resolve("labs/src/main/java"), classes);
        copy(export.resolve("labs/src/main/resources"), classes);

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (EditionLoader loader = new EditionLoader(classes)) {
            Thread.currentThread().setContextClassLoader(loader);
            for (String lab : List.of("napster", "kazaa", "distribution")) {
                Path results = dir.resolve(lab + ".json");
                StringWriter out = new StringWriter();
                int code = run(loader, out, lab, "--student-dir", export.resolve("student").toString(), "--results", results.toString());
                assertEquals(0, code, out.toString());
                JsonNode root = Json.mapper().readTree(results.toFile());
                assertEquals(0.0, root.get("score").asDouble(), lab + ": " + out);
                assertTrue(root.get("max_score").asDouble() >= 20, lab + ": every graded test listed");
            }
            StringWriter out = new StringWriter();
            assertEquals(1, run(loader, out, "napster", "--impl", "reference"));
            assertTrue(out.toString().contains("reference solutions are not part of the student edition"), out.toString());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static int run(ClassLoader loader, StringWriter out, String... args) throws Exception {
        Object command = loader.loadClass("p2plab.labs.grading.GradeCommand").getConstructor().newInstance();
        assertTrue(command.getClass().getClassLoader() == loader, "the exported grader, not this build's");
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    private static void compile(Path sources, Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        String classpath = classpath();
        assertTrue(classpath.contains("napster") && !classpath.matches(".*/labs/target[^/" + File.pathSeparator + "]*/classes.*"),
                "the compile classpath lists the overlay modules but not this build's labs classes: " + classpath);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-d", out.toString(), "-classpath", classpath, "-proc:none",
                    "-nowarn", "-encoding", "UTF-8"), null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(ok, "the student edition's labs module does not compile: " + diagnostics.getDiagnostics());
        }
    }

    /** This JVM's classpath without this build's own labs classes (the export must stand on its own). */
    private static String classpath() {
        StringBuilder b = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.replace('\\', '/').matches(".*/labs/target[^/]*/(test-)?classes/?")) {
                b.append(e).append(File.pathSeparator);
            }
        }
        return b.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    /** Child-first for the labs module's classes and the lab catalogue; everything else from this JVM. */
    private static final class EditionLoader extends URLClassLoader {
        EditionLoader(Path classes) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, StudentEditionTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("p2plab.labs.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name); // a reference class is absent here, as in the student edition
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            if (name.startsWith("labs/")) {
                URL u = findResource(name);
                assertNotNull(u, name);
                return u;
            }
            return super.getResource(name);
        }
    }
}
