package hudson;

/** Stand-in of jenkins-core {@code hudson.Launcher} (passed through only); see plugin-offline/STANDINS.md. */
public abstract class Launcher {
}
