package io.jenkins.plugins.mlcicd.input;

/**
 * Input the user must fix: a missing file, malformed JSON/YAML, an unknown key, a value of the
 * wrong type. The message is one line naming the file and, where known, line/column or key; the
 * CLI prints it without a stack trace and exits with 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
