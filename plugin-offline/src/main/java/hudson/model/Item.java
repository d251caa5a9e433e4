package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import standin.Constants;

/**
 * Stand-in of jenkins-core {@code hudson.model.Item} (real: also extends PersistenceRoot,
 * SearchableModelObject, OnMaster); see plugin-offline/STANDINS.md.
 */
public interface Item extends AccessControlled {
    Permission CONFIGURE = Constants.instance(Permission.class, "Configure");
    Permission BUILD = Constants.instance(Permission.class, "Build");
}
