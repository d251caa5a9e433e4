package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stand-in of jenkins-core {@code hudson.model.Descriptor} (real: implements Loadable, Saveable, OnMaster);
 * constructors are empty so that subclasses can be instantiated; see plugin-offline/STANDINS.md.
 */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {
    }

    protected Descriptor() {
    }

    @SuppressWarnings("rawtypes")
    protected void addHelpFileRedirect(String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {
        throw new UnsupportedOperationException("stand-in");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
