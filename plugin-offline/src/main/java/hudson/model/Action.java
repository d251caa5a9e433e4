package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Stand-in of jenkins-core {@code hudson.model.Action}; see plugin-offline/STANDINS.md. */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
