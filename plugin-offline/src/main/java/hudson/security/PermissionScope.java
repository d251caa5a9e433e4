package hudson.security;

import standin.Constants;

/**
 * Stand-in of jenkins-core {@code hudson.security.PermissionScope}; see plugin-offline/STANDINS.md.
 * Only {@code ITEM} (non-null as in core); the real public constructor
 * {@code (Class<? extends ModelObject>, PermissionScope...)} is left out, the private one builds the constant.
 */
public final class PermissionScope {
    public static final PermissionScope ITEM = Constants.instance(PermissionScope.class, "Item");

    private PermissionScope(String name) {
    }
}
