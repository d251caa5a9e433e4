package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.AbstractDescribableImpl}; see plugin-offline/STANDINS.md. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    // No members: since 2.505 getDescriptor() is Describable's default method.
}
