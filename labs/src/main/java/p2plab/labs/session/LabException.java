package p2plab.labs.session;

/** A mistake the user can fix: its message is the one line the shell prints ("what is wrong; what to do"). */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    /** Why a file operation failed, in words: "no such file or folder", "permission denied". */
    public static String why(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "unreadable" : e.getMessage();
    }
}
