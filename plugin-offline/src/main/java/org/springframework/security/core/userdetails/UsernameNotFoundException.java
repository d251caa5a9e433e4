package org.springframework.security.core.userdetails;

import org.springframework.security.core.AuthenticationException;

/**
 * Stand-in of spring-security-core's {@code UsernameNotFoundException} ({@code User.impersonate2()}
 * throws it for a user the security realm does not know); see plugin-offline/STANDINS.md.
 */
public class UsernameNotFoundException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public UsernameNotFoundException(String msg) {
        super(msg);
    }

    public UsernameNotFoundException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
