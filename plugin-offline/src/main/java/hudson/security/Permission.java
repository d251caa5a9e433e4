package hudson.security;

/**
 * Stand-in of jenkins-core {@code hudson.security.Permission} (an opaque value here; the stand-in
 * constants {@code Item.CONFIGURE} and {@code Jenkins.ADMINISTER} are null); see plugin-offline/STANDINS.md.
 */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("stand-in");
    }
}
