package hudson.security;

import org.springframework.security.core.Authentication;
import standin.Constants;

/** Stand-in of jenkins-core {@code hudson.security.ACL} (only SYSTEM2, non-null as in core); see plugin-offline/STANDINS.md. */
public abstract class ACL {
    // Real: a UsernamePasswordAuthenticationToken (not stood in); here an opaque private Authentication.
    public static final Authentication SYSTEM2 = Constants.instance(SystemAuthentication.class, "SYSTEM");

    private static final class SystemAuthentication implements Authentication {
        private static final long serialVersionUID = 1L;

        private SystemAuthentication(String name) {
        }

        @Override
        public String getName() {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
