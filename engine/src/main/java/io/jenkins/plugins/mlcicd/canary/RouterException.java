package io.jenkins.plugins.mlcicd.canary;

/** One router attempt failed; the message says how (exit code and the output's last line, HTTP status, timeout). */
public class RouterException extends Exception {
    private static final long serialVersionUID = 1L;

    public RouterException(String message) {
        super(message);
    }
}
