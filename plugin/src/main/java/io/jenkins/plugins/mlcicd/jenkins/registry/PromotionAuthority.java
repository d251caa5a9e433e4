package io.jenkins.plugins.mlcicd.jenkins.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.Permission;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may move a registry alias from a build, and who is recorded as having moved it.
 * <ul>
 *   <li>A build a user started ({@link Cause.UserIdCause}) acts for that user: the user needs
 *       {@code Item.BUILD} and {@link RegistryPermissions#PROMOTE} on the job. Starting a build is the
 *       decision to promote, so a user who may start the job but not promote cannot promote through it.</li>
 *   <li>Any other build (timer, SCM, upstream) acts for the build's authentication: the authentication
 *       the step runs with ({@link Jenkins#getAuthentication2()} on the build's thread). With the
 *       Authorize Project plugin that is the configured user; without it, SYSTEM, which holds every
 *       permission: configure Authorize Project to restrict promotions by triggers.</li>
 * </ul>
 * The decision ({@link #decide}) is independent of Jenkins ({@link Identities}), so that it is tested
 * without one; {@link #authorize} wires it to Jenkins. Call it on the build's thread (a step's
 * {@code start()} or its synchronous execution, a builder's {@code perform}), never on a timer thread,
 * which runs as SYSTEM.
 */
public final class PromotionAuthority {
    private PromotionAuthority() {
    }

    /** One identity whose permissions on the job can be asked. */
    interface Subject {
        String id();

        /** The full name, or null when there is none. */
        @CheckForNull
        String displayName();

        boolean may(Permission permission);
    }

    /** Where the decision finds the identities. */
    interface Identities {
        /** The id of the user who started the build, or null when no user did. */
        @CheckForNull
        String startedBy();

        /** The user who started the build; a refusal (one line) when Jenkins or its security realm does not know it. */
        Subject user(String id) throws AbortException;

        /** The authentication the build runs with. */
        Subject buildAuthentication();
    }

    /** A permission the move needs, with the name the authorization matrix shows. */
    record Required(Permission permission, String label) {
    }

    static List<Required> required() {
        return List.of(new Required(Item.BUILD, RegistryPermissions.BUILD_LABEL),
                new Required(RegistryPermissions.PROMOTE, RegistryPermissions.PROMOTE_LABEL));
    }

    /**
     * Checks that whoever the build acts for may move an alias and returns them.
     *
     * @param what what would move, for the refusal, e.g. {@code move alias 'champion' of fraud-model}
     * @throws AbortException one line naming the user and the missing permission; nothing has moved
     */
    public static Promoter authorize(Run<?, ?> run, String functionName, String what) throws AbortException {
        Job<?, ?> job = run.getParent();
        return decide(functionName, what, job.getFullName(), new JenkinsIdentities(run, job, functionName));
    }

    /**
     * Who the build acts for, without a check and without asking the security realm: the actor of a
     * registration that moves no alias. Same rule as {@link #authorize}; call it on the build's thread.
     */
    public static Promoter identify(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        String starter = cause == null ? null : cause.getUserId();
        String id = starter != null ? starter : Jenkins.getAuthentication2().getName();
        User user = User.getById(id, false);
        return new Promoter(id, user == null ? null : user.getFullName(), starter != null);
    }

    static Promoter decide(String functionName, String what, String job, Identities identities) throws AbortException {
        String starter = identities.startedBy();
        Subject subject = starter != null ? identities.user(starter) : identities.buildAuthentication();
        Promoter who = promoter(subject, starter != null);
        List<String> missing = new ArrayList<>();
        for (Required required : required()) {
            if (!subject.may(required.permission())) {
                missing.add(required.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new AbortException(functionName + ": " + who.describe() + " may not " + what + ": missing the permission "
                    + String.join(" and ", missing) + " on '" + job + "'; nothing moved");
        }
        return who;
    }

    private static Promoter promoter(Subject subject, boolean startedBuild) {
        return new Promoter(subject.id(), subject.displayName(), startedBuild);
    }

    /** The identities of a running build, from Jenkins. */
    private static final class JenkinsIdentities implements Identities {
        private final Run<?, ?> run;
        private final Job<?, ?> job;
        private final String functionName;

        JenkinsIdentities(Run<?, ?> run, Job<?, ?> job, String functionName) {
            this.run = run;
            this.job = job;
            this.functionName = functionName;
        }

        @Override
        public String startedBy() {
            Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
            return cause == null ? null : cause.getUserId();
        }

        @Override
        public Subject user(String id) throws AbortException {
            User user = User.getById(id, false);
            if (user == null) {
                throw new AbortException(functionName + ": user '" + id + "', who started the build, no longer exists in Jenkins; nothing moved");
            }
            Authentication authentication;
            try {
                authentication = user.impersonate2();
            } catch (UsernameNotFoundException e) {
                throw new AbortException(functionName + ": user '" + id + "', who started the build, is not known to the security realm; nothing moved");
            }
            return subject(id, user.getFullName(), authentication);
        }

        @Override
        public Subject buildAuthentication() {
            Authentication authentication = Jenkins.getAuthentication2();
            String id = authentication.getName();
            User user = User.getById(id, false);
            return subject(id, user == null ? null : user.getFullName(), authentication);
        }

        private Subject subject(String id, String displayName, Authentication authentication) {
            return new Subject() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String displayName() {
                    return displayName;
                }

                @Override
                public boolean may(Permission permission) {
                    return job.hasPermission2(authentication, permission);
                }
            };
        }
    }
}
