package io.jenkins.plugins.mlcicd.registry;

/**
 * A registry operation that failed for a reason the user can act on; the message is one line
 * that names the registry and what to do.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so callers can react (a CLI exit code, a retry, a Jenkins form message). */
    public enum Kind {
        /** The model, version or alias does not exist. */
        NOT_FOUND,
        /** Credentials missing, wrong or lacking permission. */
        AUTH,
        /** Invalid name, alias or argument. */
        INVALID,
        /** The registry could not be reached or kept failing after retries. */
        UNAVAILABLE,
        /** The registry answered something this client does not understand. */
        PROTOCOL,
        /** The registry's storage is damaged or not writable. */
        STORAGE
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
