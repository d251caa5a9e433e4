package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.lineage.CodeVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScmCodeTest {
    private static final String SHA = "0123456789ABCDEF0123456789abcdef01234567";

    @Test
    void fromTheGitPluginsVariablesWithoutCredentials() {
        CodeVersion code = ScmCode.from(Map.of("GIT_COMMIT", SHA, "GIT_BRANCH", "origin/main", "GIT_LOCAL_BRANCH", "main",
                "GIT_URL", "https://bot:s3cret@github.com/acme/fraud.git"));
        assertThat(code).isEqualTo(new CodeVersion(SHA.toLowerCase(java.util.Locale.ROOT), "main", null,
                "https://github.com/acme/fraud.git", "scm", null));
    }

    @Test
    void noCommitMeansAskGit() {
        assertThat(ScmCode.from(Map.of("GIT_BRANCH", "main"))).isNull();
        assertThat(ScmCode.from(Map.of("GIT_COMMIT", "HEAD"))).isNull();
    }

    @Test
    void branchFallsBackToTheRemoteBranchOrBranchName() {
        assertThat(ScmCode.from(Map.of("GIT_COMMIT", SHA, "GIT_BRANCH", "origin/dev")).branch()).isEqualTo("origin/dev");
        assertThat(ScmCode.from(Map.of("GIT_COMMIT", SHA, "BRANCH_NAME", "PR-7")).branch()).isEqualTo("PR-7");
    }
}
