package p2plab.common.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need an outside program (aria2, libtorrent, tmux, chromium): when
 * it is missing the test is skipped, naming the Debian package to install, so `mvn -B verify`
 * passes on any machine with Java and Maven; under {@code CI=true}, where `.ci/run` installs
 * every such package, a missing program is a broken setup and the test fails.
 */
public final class MissingProgram {
    private MissingProgram() {
    }

    /** Skips the calling test (fails it under CI=true); {@code debianPackages} as apt-get takes them. */
    public static void skipOrFail(String what, String debianPackages) {
        String message = what + "; install Debian's " + debianPackages + " (apt-get install -y " + debianPackages + ") to run this test";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: .ci/run installs it, so its absence is an error)");
        }
        Assumptions.abort(message);
    }
}
