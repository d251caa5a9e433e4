package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

/** Stand-in of jenkins-core {@code hudson.security.AccessControlled}; see plugin-offline/STANDINS.md. */
public interface AccessControlled {
    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}
