package hudson.tasks;

/** Stand-in of jenkins-core {@code hudson.tasks.BuildStep} (all its methods are implemented by Builder); see plugin-offline/STANDINS.md. */
public interface BuildStep {
}
