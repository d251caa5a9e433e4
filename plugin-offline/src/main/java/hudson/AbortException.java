package hudson;

import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.AbortException}; see plugin-offline/STANDINS.md. */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
