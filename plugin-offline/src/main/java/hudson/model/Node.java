package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.security.AccessControlled;

/**
 * Stand-in of jenkins-core {@code hudson.model.Node} (superclass AbstractModelObject and the interfaces
 * other than ExtensionPoint and AccessControlled left out; members used only); see plugin-offline/STANDINS.md.
 */
public abstract class Node implements ExtensionPoint, AccessControlled {
    @CheckForNull
    public abstract FilePath getRootPath();
}
