package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

/**
 * Stand-in of jenkins-core {@code hudson.security.Permission}; see plugin-offline/STANDINS.md. Only the
 * constructor the plugin declares its permission with (it keeps its arguments in the public fields, as
 * the real one does: the plugin's permission is a static constant that unit tests load) and the public
 * fields. The private one-String constructor exists only for the non-null constants of the other stand-ins
 * ({@code Item.CONFIGURE}, {@code Item.BUILD}, {@code Jenkins.ADMINISTER}); their group is null here.
 */
public final class Permission {
    public final @NonNull Class owner;
    public final @NonNull PermissionGroup group;
    public final @NonNull String name;
    public final @CheckForNull Localizable description;
    public final @CheckForNull Permission impliedBy;

    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
    }

    private Permission(String name) {
        this.owner = Permission.class;
        this.group = null;
        this.name = name;
        this.description = null;
        this.impliedBy = null;
    }
}
