package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of jenkins-core {@code hudson.model.Job} (real: extends AbstractItem); see plugin-offline/STANDINS.md. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    @SuppressWarnings("rawtypes")
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("stand-in");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    // Real: AbstractItem's @NonNull public final String getFullName().
    @NonNull
    public final String getFullName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
