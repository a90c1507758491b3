package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Student sources compiled at run time: working code runs, broken code scores 0 with javac's message. */
class StudentCompilerTest {

    @Test
    void compilesAndGradesAStudentsClass(@TempDir Path student) throws Exception {
        write(student, "package fixture; public class StudentDoubler implements p2plab.labs.grading.Doubler {"
                + " public int twice(int x) { return x + x; } }");
        StudentBuild b = new StudentCompiler(student).build(GraderTest.FIXTURE);
        StudentBuild.Ready ready = assertInstanceOf(StudentBuild.Ready.class, b, () -> b.toString());
        assertEquals(10, ((Doubler) ready.factory().get()).twice(5));
        assertEquals(6, Grader.gradeStudent(GraderTest.FIXTURE, new StudentCompiler(student)).score());
    }

    @Test
    void aSyntaxErrorScoresZeroWithTheCompilersMessage(@TempDir Path student) throws Exception {
        write(student, "package fixture; public class StudentDoubler implements p2plab.labs.grading.Doubler {"
                + " public int twice(int x) { return x + x } }");
        StudentBuild b = new StudentCompiler(student).build(GraderTest.FIXTURE);
        StudentBuild.Failed failed = assertInstanceOf(StudentBuild.Failed.class, b);
        assertTrue(failed.summary().contains("does not compile") && failed.summary().contains("';' expected"), failed.summary());
        GradeReport r = Grader.gradeStudent(GraderTest.FIXTURE, new StudentCompiler(student));
        assertEquals(0, r.score());
        assertEquals(6, r.maxScore());
        assertTrue(r.tests().stream().allMatch(t -> t.output().contains("StudentDoubler.java:1: error: ';' expected")),
                r.tests().get(0).output());
    }

    @Test
    void aMissingClassOrWrongInterfaceIsExplained(@TempDir Path student) throws Exception {
        write(student, "package fixture; public class StudentDoubler { }");
        StudentBuild.Failed f = assertInstanceOf(StudentBuild.Failed.class, new StudentCompiler(student).build(GraderTest.FIXTURE));
        assertTrue(f.summary().contains("must implement"), f.summary());
        StudentBuild.Failed none = assertInstanceOf(StudentBuild.Failed.class,
                new StudentCompiler(student.resolve("nowhere")).build(GraderTest.FIXTURE));
        assertTrue(none.summary().startsWith("no student sources"), none.summary());
    }

    private static void write(Path student, String source) throws Exception {
        Path dir = student.resolve("fixture");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("StudentDoubler.java"), source);
    }
}
