package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.ModelObject}; see plugin-offline/STANDINS.md. */
public interface ModelObject {
    String getDisplayName();
}
