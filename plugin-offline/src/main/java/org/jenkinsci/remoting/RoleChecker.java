package org.jenkinsci.remoting;

/** Stand-in of remoting's {@code org.jenkinsci.remoting.RoleChecker} (opaque: the plugin only passes it on); see plugin-offline/STANDINS.md. */
public abstract class RoleChecker {
}
