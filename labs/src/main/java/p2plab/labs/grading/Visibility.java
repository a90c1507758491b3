package p2plab.labs.grading;

/** When a student sees a graded test's result on Gradescope; {@link #json} is Gradescope's spelling. */
public enum Visibility {
    VISIBLE("visible"),
    HIDDEN("hidden"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published");

    private final String json;

    Visibility(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
