package p2plab.labs.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes the student edition: a copy of the source tree without what students must not get.
 * Left out: build output ({@code target*}) and {@code .git}; every {@code reference} package of
 * the labs (the catalogue names those classes as strings, so nothing else changes); the
 * instructor's own tests of the labs (they grade the reference solutions); the instructors'
 * handout; and the code of the hidden graded tests ({@link HiddenTests}). What remains
 * compiles, and each lab grades the untouched stubs of {@code student/} at 0.
 */
public final class StudentEdition {
    /** Relative paths (with '/') of folders and files left out, besides target* and .git. */
    static final List<String> LEFT_OUT = List.of(
            "labs/src/test/java/p2plab/labs/grading",
            "labs/src/test/java/p2plab/labs/assignment",
            "docs/labs/instructors.md");
    static final String ASSIGNMENTS = "labs/src/main/java/p2plab/labs/assignment/";

    private StudentEdition() {
    }

    /** Copies {@code tree} to {@code target}; returns the number of files written. */
    public static int export(Path tree, Path target) throws IOException {
        Path from = tree.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (Files.exists(to) && !Files.isDirectory(to)) {
            throw new IllegalArgumentException(to + " is a file: export into a new or empty folder");
        }
        if (Files.exists(to)) {
            try (var s = Files.list(to)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(to + " is not empty: export into a new or empty folder");
                }
            }
        }
        int[] files = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(to) || (!dir.equals(from) && leftOut(from.relativize(dir), true))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile() || leftOut(from.relativize(file), false)) {
                    return FileVisitResult.CONTINUE;
                }
                Path dest = to.resolve(from.relativize(file).toString());
                if (gradedTests(from.relativize(file))) {
                    Files.writeString(dest, HiddenTests.strip(Files.readString(file)));
                } else {
                    Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
                files[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return files[0];
    }

    /** A lab's graded tests: copied without their hidden tests. */
    static boolean gradedTests(Path relative) {
        String rel = relative.toString().replace('\\', '/');
        return rel.startsWith(ASSIGNMENTS) && rel.endsWith("LabTests.java");
    }

    static boolean leftOut(Path relative, boolean directory) {
        String rel = relative.toString().replace('\\', '/');
        String name = relative.getFileName().toString();
        // .git is a folder in a clone but a file in a git worktree; neither belongs in the edition.
        if (name.equals(".git") || (directory && name.startsWith("target"))) {
            return true;
        }
        if (LEFT_OUT.contains(rel)) {
            return true;
        }
        // p2plab/labs/assignment/<lab>/reference
        return directory && name.equals("reference") && rel.startsWith(ASSIGNMENTS);
    }
}
