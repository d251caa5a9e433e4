package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in of jenkins-core {@code hudson.tasks.Builder}; see plugin-offline/STANDINS.md. */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
