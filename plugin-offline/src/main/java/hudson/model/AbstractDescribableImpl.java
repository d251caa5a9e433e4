package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.AbstractDescribableImpl}; see plugin-offline/STANDINS.md. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
