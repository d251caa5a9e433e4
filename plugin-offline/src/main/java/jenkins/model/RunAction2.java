package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Stand-in of jenkins-core {@code jenkins.model.RunAction2}; see plugin-offline/STANDINS.md. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
