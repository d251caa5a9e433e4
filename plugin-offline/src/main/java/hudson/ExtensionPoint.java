package hudson;

/** Stand-in of jenkins-core {@code hudson.ExtensionPoint}; see plugin-offline/STANDINS.md. */
public interface ExtensionPoint {
}
