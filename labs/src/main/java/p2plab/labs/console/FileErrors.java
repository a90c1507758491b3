package p2plab.labs.console;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file operation failed, in the words a one-line error uses rather than an exception's name. */
public final class FileErrors {
    private FileErrors() {
    }

    /** "no such file or folder", "permission denied", or the file system's own reason. */
    public static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "unreadable" : e.getMessage();
    }
}
