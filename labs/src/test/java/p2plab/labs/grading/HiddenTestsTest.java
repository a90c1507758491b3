package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HiddenTestsTest {

    private static final String SHOWN = String.join("\n",
            "class LabTests {",
            "    @Test",
            "    @Graded(points = 2)",
            "    void shown() {",
            "        assertEquals(1, 1);",
            "    }",
            "",
            "");
    private static final String HIDDEN = String.join("\n",
            "    /** Bigger inputs. */",
            "    @Test",
            "    @Graded(points = 3, visibility = Visibility.HIDDEN)",
            "    @DisplayName(\"1.9 } tricky { names\")",
            "    // a comment with a { is not the body",
            "    void hidden() {",
            "        String s = \"}}}\"; char c = '}'; // }",
            "        /* { */ if (s.isEmpty()) { fail(); }",
            "    }",
            "",
            "");
    private static final String AFTER = String.join("\n",
            "    @Test",
            "    void after() {",
            "    }",
            "}",
            "");

    @Test
    void aHiddenTestGoesWithItsAnnotationsAndComment() {
        assertEquals(SHOWN + AFTER, HiddenTests.strip(SHOWN + HIDDEN + AFTER));
    }

    @Test
    void aSourceWithoutHiddenTestsIsUnchanged() {
        String plain = "class A {\n    @Test\n    void a() {\n    }\n}\n";
        assertEquals(plain, HiddenTests.strip(plain));
    }

    @Test
    void unbalancedBracesAreAnErrorNotAGuess() {
        String broken = "class A {\n    @Graded(points = 1, visibility = Visibility.HIDDEN)\n    void a() {\n        if (x) {\n}\n";
        assertThrows(IllegalArgumentException.class, () -> HiddenTests.strip(broken));
    }

    @Test
    void everyLabsTestSourceLosesItsHiddenTestAndKeepsTheOthers() throws Exception {
        java.nio.file.Path assignments = SourceTree.find(java.nio.file.Path.of("")).orElseThrow().resolve(StudentEdition.ASSIGNMENTS);
        int labs = 0;
        try (var files = java.nio.file.Files.walk(assignments)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(p -> p.toString().endsWith("LabTests.java"))::iterator) {
                String source = java.nio.file.Files.readString(f);
                String stripped = HiddenTests.strip(source);
                assertTrue(source.contains(HiddenTests.MARK), f + " has a hidden test");
                assertFalse(stripped.contains(HiddenTests.MARK), f.toString());
                assertEquals(count(source, "@Test") - 1, count(stripped, "@Test"), f + ": only the hidden test goes");
                labs++;
            }
        }
        assertEquals(Assignments.load().all().size(), labs);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
