package hudson.tasks;

/** Stand-in of jenkins-core {@code hudson.tasks.BuildStepCompatibilityLayer}; see plugin-offline/STANDINS.md. */
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
