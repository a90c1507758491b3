package p2plab.labs.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the P2P Lab source tree: the nearest folder, upwards, holding the parent pom. */
public final class SourceTree {

    private SourceTree() {
    }

    public static Optional<Path> find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isParentPom(pom)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The {@code student/} folder of the tree around the working directory (or {@code ./student}). */
    public static Path studentFolder() {
        Path cwd = Path.of("").toAbsolutePath();
        return find(cwd).map(root -> root.resolve("student")).orElse(cwd.resolve("student"));
    }

    private static boolean isParentPom(Path pom) {
        try {
            String text = Files.readString(pom);
            // the parent itself, not a module that names it as its parent
            return text.contains("<artifactId>p2plab-parent</artifactId>") && text.contains("<modules>");
        } catch (IOException e) {
            return false;
        }
    }
}
