package org.kohsuke.stapler;

/** Stand-in of stapler {@code org.kohsuke.stapler.StaplerProxy}; see plugin-offline/STANDINS.md. */
public interface StaplerProxy {
    Object getTarget();
}
