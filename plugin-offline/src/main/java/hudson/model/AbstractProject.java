package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.AbstractProject}; see plugin-offline/STANDINS.md. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    @SuppressWarnings("rawtypes")
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
