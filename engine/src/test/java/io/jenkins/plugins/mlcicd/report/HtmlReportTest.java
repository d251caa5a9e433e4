package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.EngineVersion;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static ResultDocument doc(ResultKind kind, ObjectNode fields, Check... checks) {
        return new ResultDocument(kind, Verdict.PASSED, "summary", Instant.parse("2026-12-07T04:00:00Z"), 1500, List.of(checks), fields);
    }

    @Test
    void baselineDeltaAndThresholdColumnsOnlyWhenSomeCheckHasOne() {
        String none = HtmlReport.checksTable(doc(ResultKind.EVALUATION, null, Check.of("auc", Verdict.PASSED, 0.9, null, "fine")));
        assertThat(none).contains("<th>Value</th>").doesNotContain("<th>Baseline</th>", "<th>Delta</th>", "<th>Threshold</th>", "—");
        String some = HtmlReport.checksTable(doc(ResultKind.GATE, null, Check.of("a", Verdict.PASSED, 0.9, null, "x"),
                new Check("b", Verdict.FAILED, 0.7, 0.8, -0.1, "≥ 0.8", "fell", Map.of())));
        assertThat(some).contains("<th>Baseline</th>", "<th>Delta</th>", "<th>Threshold</th>", "−0.1");
        String thresholdOnly = HtmlReport.checksTable(doc(ResultKind.DATA_VALIDATION, null,
                Check.of("a.range", Verdict.PASSED, 0.0, "[0, 1]", "x")));
        assertThat(thresholdOnly).contains("<th>Threshold</th>").doesNotContain("<th>Baseline</th>", "<th>Delta</th>");
    }

    @Test
    void everyReportStartsWithWhatWasCheckedWhenAndByWhichVersion() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("policy", "gate.yaml");
        f.put("candidate", "eval.json");
        f.putObject("baseline").put("source", "build #12");
        String html = HtmlReport.fragment(doc(ResultKind.GATE, f, Check.of("a", Verdict.PASSED, 1.0, null, "x")));
        assertThat(html).contains("<h2 class=\"mlcicd-title\">Model gate <span class=\"mlcicd-verdict mlcicd-verdict-passed\">")
                .contains("<dt>Candidate</dt><dd><bdi>eval.json</bdi></dd>").contains("<dt>Policy</dt><dd><bdi>gate.yaml</bdi></dd>")
                .contains("<dt>Baseline</dt><dd><bdi>build #12</bdi></dd>")
                .contains("<dt>Checked at</dt><dd><bdi>2026-12-07 04:00:00 UTC (took 1.5 s)</bdi></dd>")
                .contains("<dt>mlcicd version</dt><dd><bdi>" + EngineVersion.current() + "</bdi></dd>");

        ObjectNode training = Json.mapper().createObjectNode();
        training.putArray("data").addObject().put("path", "data/train.csv");
        training.putObject("model").put("path", "model.pkl");
        training.putObject("registry").put("name", "fraud").put("version", 7);
        ResultDocument written = new ResultDocument(ResultKind.TRAINING, Verdict.PASSED, "s", Instant.EPOCH, 0, List.of(),
                training, "0.0.9");
        assertThat(HtmlReport.facts(written)).containsEntry("Data", "data/train.csv")
                .containsEntry("Model", "model.pkl").containsEntry("Registered as", "fraud version 7")
                .containsEntry("mlcicd version", "0.0.9");
    }

    @Test
    void aPageForAStrictPolicyLinksTheStylesheetInsteadOfInliningIt() {
        ResultDocument d = doc(ResultKind.GATE, null, Check.of("a", Verdict.PASSED, 1.0, null, "x"));
        assertThat(HtmlReport.page(d, null, "/report.css")).contains("<link rel=\"stylesheet\" href=\"/report.css\">")
                .doesNotContain("<style>").doesNotContain(" style=");
        assertThat(HtmlReport.page(d)).contains("<style>" + HtmlReport.stylesheet() + "</style>");
        assertThat(HtmlReport.stylesheet()).contains(".mlcicd-checks").contains(".mlcicd-heading");
    }
}
