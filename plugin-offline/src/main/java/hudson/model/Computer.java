package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.AccessControlled;

/**
 * Stand-in of jenkins-core {@code hudson.model.Computer} (interfaces other than AccessControlled left out;
 * members used only); see plugin-offline/STANDINS.md.
 */
public abstract class Computer extends Actionable implements AccessControlled {
    protected Computer(Node node) {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException("stand-in");
    }
}
