package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in of jenkins-core {@code jenkins.model.GlobalConfiguration} (members used only); see plugin-offline/STANDINS.md. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
