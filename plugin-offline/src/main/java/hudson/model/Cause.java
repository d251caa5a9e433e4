package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Stand-in of jenkins-core {@code hudson.model.Cause}; see plugin-offline/STANDINS.md. Only the nested
 * {@code UserIdCause} with its constructor {@code (String)} and {@code getUserId()}; the abstract
 * {@code getShortDescription()} and the other causes are left out.
 */
public abstract class Cause {
    public static class UserIdCause extends Cause {
        public UserIdCause(@CheckForNull String userId) {
            throw new UnsupportedOperationException("stand-in");
        }

        @CheckForNull
        public String getUserId() {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
