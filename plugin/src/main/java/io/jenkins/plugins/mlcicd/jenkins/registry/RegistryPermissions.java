package io.jenkins.plugins.mlcicd.jenkins.registry;

import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * The plugin's permissions, declared as core's idiom wants them: static constants of the group's owner
 * class. Jenkins lists a permission once its class is initialized; the {@code mlPromote} descriptors
 * (extensions, created when Jenkins starts) call {@link #ensureDeclared()}, so the permission is in the
 * authorization matrix before any build runs, without an {@code @Initializer}.
 *
 * <p>{@link #PROMOTE} is implied by {@link Jenkins#ADMINISTER}, not by {@code Item.CONFIGURE}: in most
 * installations every developer may configure jobs, and the point of the permission is to separate
 * "may change the pipeline" from "may move a model's production alias". Its scope is the item, so it can
 * be granted per folder or per job (project-based matrix, role strategy's item roles).
 */
public final class RegistryPermissions {
    private static final ResourceBundleHolder MESSAGES = ResourceBundleHolder.get(RegistryPermissions.class);

    /** "ML CI/CD" in the matrix; its id is what Configuration as Code and the role strategy show. */
    public static final PermissionGroup GROUP = new PermissionGroup("MlCiCd", RegistryPermissions.class,
            new Localizable(MESSAGES, "group"));

    /**
     * Move a registry alias from Jenkins: {@code mlPromote}, {@code mlCanary}'s production move,
     * {@code mlTrain}'s alias. Checked on the job together with {@code Item.BUILD}.
     * Its id is {@code io.jenkins.plugins.mlcicd.jenkins.registry.RegistryPermissions.Promote}.
     */
    public static final Permission PROMOTE = new Permission(GROUP, "Promote", new Localizable(MESSAGES, "promote"),
            Jenkins.ADMINISTER, PermissionScope.ITEM);

    /** How the refusal message names them: as the matrix's column headers read. */
    static final String PROMOTE_LABEL = "ML CI/CD/Promote";
    static final String BUILD_LABEL = "Job/Build";

    private RegistryPermissions() {
    }

    /** Initializes this class, and so declares its permissions to Jenkins; called by the extensions that use them. */
    static void ensureDeclared() {
        // the class initializer did the work
    }
}
