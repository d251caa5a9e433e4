package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.lineage.CodeVersion;
import io.jenkins.plugins.mlcicd.lineage.GitProbe;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The code version as the build's SCM data tells it, without depending on the git plugin: the
 * variables it sets ({@code GIT_COMMIT}, {@code GIT_LOCAL_BRANCH}/{@code GIT_BRANCH}, {@code GIT_URL}).
 * Freestyle jobs have them; in Pipeline they exist only inside {@code withEnv(checkout(scm))}.
 * Without them the agent asks {@code git} in the workspace (which also tells whether it is dirty).
 */
final class ScmCode {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    private ScmCode() {
    }

    /** The SCM's code version, or null when the environment does not name a commit. */
    static CodeVersion from(Map<String, String> env) {
        String commit = env.get("GIT_COMMIT");
        if (commit == null || !COMMIT.matcher(commit.strip()).matches()) {
            return null;
        }
        String branch = firstNonBlank(env.get("GIT_LOCAL_BRANCH"), env.get("GIT_BRANCH"), env.get("BRANCH_NAME"));
        String remote = firstNonBlank(env.get("GIT_URL"), env.get("GIT_URL_1"));
        // dirty is unknown here: the SCM checked the commit out, but an earlier step may have changed files
        return new CodeVersion(commit.strip().toLowerCase(java.util.Locale.ROOT), branch, null,
                remote == null ? null : GitProbe.withoutCredentials(remote), "scm", null);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
