package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

/**
 * Stand-in of jenkins-core {@code hudson.security.PermissionGroup} (real: implements
 * {@code Iterable<Permission>}, {@code Comparable<PermissionGroup>}, registers itself); see
 * plugin-offline/STANDINS.md. Only the constructor the plugin uses (it keeps its arguments, as the real
 * one does) and the public fields.
 */
public final class PermissionGroup {
    @NonNull
    public final Class owner;

    public final Localizable title;

    @SuppressWarnings("unused") // the real getId() returns it; the plugin does not call it
    private final String id;

    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        this.owner = owner;
        this.title = title;
        this.id = id;
    }
}
