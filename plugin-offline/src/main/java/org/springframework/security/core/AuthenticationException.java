package org.springframework.security.core;

/** Stand-in of spring-security-core's {@code AuthenticationException}; see plugin-offline/STANDINS.md. */
public abstract class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String msg) {
        super(msg);
    }

    public AuthenticationException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
