package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in of jenkins-core {@code jenkins.model.Jenkins} (only what the plugin uses); see plugin-offline/STANDINS.md. */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    protected Jenkins() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static Jenkins get() {
        throw new UnsupportedOperationException("stand-in");
    }
}
