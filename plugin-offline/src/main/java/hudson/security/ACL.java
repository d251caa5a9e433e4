package hudson.security;

import org.springframework.security.core.Authentication;

/** Stand-in of jenkins-core {@code hudson.security.ACL} (only SYSTEM2, null here like the Permission constants); see plugin-offline/STANDINS.md. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;
}
