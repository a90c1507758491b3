package p2plab.labs.grading;

/**
 * One graded test after the run.
 *
 * @param name       what the test checks, as the student reads it
 * @param score      points earned: all of them when it passed, none otherwise
 * @param maxScore   points it is worth
 * @param passed     true when it passed
 * @param output     why it failed (one line or a few), empty when it passed
 * @param visibility when the student sees it
 */
public record TestOutcome(String name, double score, double maxScore, boolean passed, String output, Visibility visibility) {

    public static TestOutcome passed(String name, Graded graded) {
        return new TestOutcome(name, graded.points(), graded.points(), true, "", graded.visibility());
    }

    public static TestOutcome failed(String name, Graded graded, String why) {
        return new TestOutcome(name, 0, graded.points(), false, why, graded.visibility());
    }
}
