package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitProbeTest {
    @Test
    void credentialsAreRemovedFromRemoteUrls() {
        assertThat(GitProbe.withoutCredentials("https://user:s3cret@github.com/org/repo.git")).isEqualTo("https://github.com/org/repo.git");
        assertThat(GitProbe.withoutCredentials("https://x-access-token:ghp_abc@github.com:8443/org/repo")).isEqualTo("https://github.com:8443/org/repo");
        assertThat(GitProbe.withoutCredentials("https://github.com/org/repo.git")).isEqualTo("https://github.com/org/repo.git");
        assertThat(GitProbe.withoutCredentials("git@github.com:org/repo.git")).isEqualTo("git@github.com:org/repo.git");
        assertThat(GitProbe.withoutCredentials("/srv/git/repo.git")).isEqualTo("/srv/git/repo.git");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsRecordedAsAbsentWithTheReason(@TempDir Path dir) {
        CodeVersion code = GitProbe.probe(dir);
        assertThat(code.isPresent()).isFalse();
        assertThat(code.commit()).isNull();
        assertThat(code.absentReason()).isNotBlank();
    }
}
