package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageReportTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void commitLinksOnlyToKnownWebHostsOverHttps() {
        assertThat(LineageReport.commitUrl("https://github.com/acme/fraud.git", SHA)).isEqualTo("https://github.com/acme/fraud/commit/" + SHA);
        assertThat(LineageReport.commitUrl("git@github.com:acme/fraud.git", SHA)).isEqualTo("https://github.com/acme/fraud/commit/" + SHA);
        assertThat(LineageReport.commitUrl("ssh://git@gitlab.com/acme/ml/fraud.git", SHA)).isEqualTo("https://gitlab.com/acme/ml/fraud/-/commit/" + SHA);
        assertThat(LineageReport.commitUrl("https://bitbucket.org/acme/fraud", SHA)).isEqualTo("https://bitbucket.org/acme/fraud/commits/" + SHA);
        assertThat(LineageReport.commitUrl("javascript:alert(1)//github.com/a/b", SHA)).isNull();
        assertThat(LineageReport.commitUrl("file:///srv/git/fraud.git", SHA)).isNull();
        assertThat(LineageReport.commitUrl("https://git.internal.example/fraud.git", SHA)).isNull();
        assertThat(LineageReport.commitUrl("https://github.com/acme/fraud.git", "HEAD\"><x")).isNull();
        assertThat(LineageReport.commitUrl("https://github.com/acme/fr\"aud", SHA)).isNull();
    }

    @Test
    void rendersEverySectionEscaped() throws Exception {
        ObjectNode fields = (ObjectNode) Json.mapper().readTree("""
                {"code": {"commit": "%s", "branch": "main", "dirty": false, "remote": "https://github.com/acme/fraud.git", "source": "scm"},
                 "data": [{"path": "data/<train>.csv", "snapshotId": "sha256:abc", "sha256": "abc", "bytes": 12, "files": 1, "source": "file"}],
                 "params": {"lr": "0.1"},
                 "environment": {"os": "Linux 6", "arch": "amd64", "java": "21", "cpus": 4, "pythonProblem": "python3 not available"},
                 "metrics": {"auc": 0.91234567},
                 "model": {"path": "out/model.bin", "sha256": "feed", "bytes": 5, "files": 1},
                 "command": "python train.py", "exitCode": 0,
                 "registry": {"name": "fraud", "location": "/srv/registry", "version": 3, "modelUri": "https://ci/job/p/3/artifact/out/model.bin",
                              "aliasMoves": [{"timestamp": "2026-01-01T00:00:00Z", "alias": "candidate", "fromVersion": 2, "toVersion": 3,
                                              "actor": "jenkins", "reason": "trained"}]}}
                """.formatted(SHA));
        ResultDocument doc = new ResultDocument(ResultKind.TRAINING, Verdict.PASSED, "trained <model>", Instant.EPOCH, 5,
                List.of(Check.of("command", Verdict.PASSED, 0.0, "exit code 0", "ok")), fields);
        String html = LineageReport.fragment(doc);
        assertThat(html).contains("<a href=\"https://github.com/acme/fraud/commit/" + SHA + "\" rel=\"noopener noreferrer\">")
                .contains("data/&lt;train&gt;.csv").contains("trained &lt;model&gt;")
                .contains("<td class=\"num\">0.9123</td>").contains("<td class=\"num\">v2</td><td class=\"num\">v3</td>")
                .contains("python3 not available").contains(">3</dd>").contains("<h2>Checks</h2>")
                .doesNotContain("style=").doesNotContain("<script");
    }
}
