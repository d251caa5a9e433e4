package io.jenkins.plugins.mlcicd.jenkins.registry;

import java.io.Serializable;

/**
 * Who a registry alias move from Jenkins acts for, and what the registry's audit records about it.
 *
 * @param userId       the Jenkins user id ({@code SYSTEM} for a build that runs as the system)
 * @param displayName  the user's full name, or null when Jenkins has none other than the id
 * @param startedBuild true when this user started the build; false when it is the build's authentication
 *                     (a timer, SCM or upstream trigger: with the Authorize Project plugin a configured
 *                     user, otherwise SYSTEM)
 */
public record Promoter(String userId, String displayName, boolean startedBuild) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The prefix every actor recorded by Jenkins starts with. */
    public static final String ACTOR_PREFIX = "jenkins:";

    /** {@code jenkins:alice (Alice Smith, fraud #12)}: the user first, so that the history's actor column sorts by user. */
    public String actor(String buildName) {
        boolean named = displayName != null && !displayName.isBlank() && !displayName.equals(userId);
        return ACTOR_PREFIX + userId + " (" + (named ? displayName + ", " : "") + buildName + ")";
    }

    /** For messages: {@code user 'alice' (who started the build)}. */
    public String describe() {
        return "user '" + userId + "' (" + (startedBuild ? "who started the build" : "the build's authentication") + ")";
    }
}
