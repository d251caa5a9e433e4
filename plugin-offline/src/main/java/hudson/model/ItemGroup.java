package hudson.model;

/**
 * Stand-in of jenkins-core {@code hudson.model.ItemGroup} (real: extends FullyNamed, FullyNamedModelObject,
 * PersistenceRoot and declares their members; none is used, so none is here); see plugin-offline/STANDINS.md.
 */
public interface ItemGroup<T extends Item> {
}
