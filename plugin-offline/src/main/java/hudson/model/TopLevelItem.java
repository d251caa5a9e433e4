package hudson.model;

/** Stand-in of jenkins-core {@code hudson.model.TopLevelItem} (real: also extends ExtensionPoint, Describable); see plugin-offline/STANDINS.md. */
public interface TopLevelItem extends Item {
}
