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

class LineageHtmlTest {
    private static ResultDocument training(ObjectNode fields, Verdict verdict) {
        return new ResultDocument(ResultKind.TRAINING, verdict, "trained <model>", Instant.parse("2026-01-01T00:00:00Z"), 10,
                List.of(Check.of("command", verdict, 0.0, "exit code 0", "ok")), fields);
    }

    @Test
    void rendersEveryLineageSectionEscaped() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.putObject("code").put("commit", "abc123").put("branch", "main").put("dirty", false).put("remote", "git@github.com:acme/fraud.git");
        f.putArray("data").addObject().put("path", "data/train.csv").put("snapshotId", "sha256:ff").put("files", 1).put("bytes", 10);
        f.putObject("params").put("lr", "<script>alert(1)</script>");
        f.putObject("metrics").put("auc", 0.91234);
        f.putObject("model").put("path", "out/model.bin").put("sha256", "ee").put("bytes", 5);
        f.putObject("environment").put("os", "Linux").put("python", "Python 3.11");
        f.put("command", "python3 train.py").put("exitCode", 0);
        ObjectNode registry = f.putObject("registry").put("name", "fraud").put("version", 3).put("location", "/srv/reg");
        registry.putArray("aliasMoves").addObject().put("alias", "candidate").put("toVersion", 3).put("actor", "ci").put("reason", "trained");

        String html = LineageHtml.fragment(training(f, Verdict.PASSED));
        assertThat(html).contains("<a href=\"https://github.com/acme/fraud/commit/abc123\">abc123</a>")
                .contains("sha256:ff").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("0.9123").contains("out/model.bin").contains("Python 3.11").contains("fraud version 3 in /srv/reg")
                .contains("candidate").contains("trained &lt;model&gt;");
    }

    @Test
    void failedRunShowsTheLogTailAndAbsentCommit() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.putObject("code").put("absentReason", "not a git working copy");
        f.putArray("data");
        f.put("command", "python3 train.py").put("exitCode", 2);
        f.putArray("logTail").add("Traceback").add("KeyError: 'amount' <b>");
        String page = LineageHtml.page(training(f, Verdict.FAILED));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("No commit recorded: not a git working copy")
                .contains("<pre class=\"mlcicd-log\">Traceback\nKeyError: &#39;amount&#39; &lt;b&gt;\n</pre>");
    }

    @Test
    void commitLinksOnlyForKnownForges() {
        assertThat(LineageHtml.commitUrl("https://token@gitlab.example.com/g/p.git", "c1")).isEqualTo("https://gitlab.example.com/g/p/-/commit/c1");
        assertThat(LineageHtml.commitUrl("https://github.com/o/r", "c1")).isEqualTo("https://github.com/o/r/commit/c1");
        assertThat(LineageHtml.commitUrl("https://git.internal/o/r.git", "c1")).isNull();
        assertThat(LineageHtml.commitUrl("/srv/git/r.git", "c1")).isNull();
    }
}
