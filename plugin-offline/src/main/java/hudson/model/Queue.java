package hudson.model;

/**
 * Stand-in of jenkins-core {@code hudson.model.Queue} (real: extends ResourceController, implements
 * Saveable; only the nested type {@link Task}); see plugin-offline/STANDINS.md.
 */
public class Queue {
    // The real constructor is public Queue(LoadBalancer); private here so that no code can rely on an invented one.
    private Queue() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Real: extends FullyNamedModelObject, SubTask; no members here (the plugin only tests for it). */
    public interface Task {
    }
}
