package hudson.util;

import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.util.FormValidation} (real: also implements HttpResponse); see plugin-offline/STANDINS.md. */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in");
    }
}
