package hudson.model;

import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.AbstractBuild}; see plugin-offline/STANDINS.md. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }
}
