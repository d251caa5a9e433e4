package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;
import java.util.Collection;

/** Stand-in of jenkins-core {@code jenkins.tasks.SimpleBuildStep}; see plugin-offline/STANDINS.md. */
public interface SimpleBuildStep extends BuildStep {
    default void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                         @NonNull Launcher launcher, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stand-in");
    }

    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
