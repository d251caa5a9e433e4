package hudson.security;

/**
 * Stand-in of jenkins-core {@code hudson.security.Permission} (an opaque value here); see
 * plugin-offline/STANDINS.md. The real constructors need a {@code PermissionGroup}; the private one here
 * exists only for the non-null constants {@code Item.CONFIGURE} and {@code Jenkins.ADMINISTER}.
 */
public final class Permission {
    @SuppressWarnings("unused") // identifies the constant in a debugger
    private final String name;

    private Permission(String name) {
        this.name = name;
    }
}
