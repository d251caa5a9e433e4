package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Stand-in of jenkins-core {@code hudson.model.User} (real: extends AbstractModelObject, implements
 * AccessControlled, Saveable, ...); see plugin-offline/STANDINS.md. Members used only; the constructors
 * are private, as in core.
 */
public class User {
    private User() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getId() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull String getFullName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("stand-in");
    }
}
