package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which code trained the model.
 *
 * @param commit       full commit ID, or null when absent
 * @param branch       branch name; null for a detached HEAD or when absent
 * @param dirty        whether tracked files differed from the commit when training started
 * @param remote       the {@code origin} URL without any credentials in it
 * @param source       {@code git} (probed from the working copy) or {@code scm} (given by the CI system)
 * @param absentReason why there is no commit (e.g. not a git repository); null when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeVersion(String commit, String branch, Boolean dirty, String remote, String source, String absentReason) {
    public static CodeVersion absent(String reason) {
        return new CodeVersion(null, null, null, null, null, reason);
    }

    @JsonIgnore
    public boolean isPresent() {
        return commit != null;
    }
}
