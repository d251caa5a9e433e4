package org.jenkinsci.remoting;

/** Stand-in of remoting's {@code org.jenkinsci.remoting.RoleSensitive}; see plugin-offline/STANDINS.md. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
