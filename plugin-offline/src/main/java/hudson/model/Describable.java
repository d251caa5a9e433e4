package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.Describable}; see plugin-offline/STANDINS.md. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
