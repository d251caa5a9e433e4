package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.ResultDocument;
import org.junit.jupiter.api.Test;

class CanaryHtmlTest {
    static final String DOC = """
            {"schema":"mlcicd/canary/v1","kind":"canary","verdict":"FAILED","summary":"rolled back: <latency>",
             "startedAt":"2026-01-01T00:00:00Z","durationMs":30000,"checks":[],
             "phase":"rolled-back","stage":0,"weight":0,"reason":"latencyP95 <b>over</b> max",
             "plan":{"stages":[{"weight":10,"durationMs":60000},{"weight":100}],"intervalMs":10000,"failureLimit":1,
                     "noData":"fail","rollbackWithinMs":120000,"worstCaseRollbackMs":50000,
                     "guardrails":[{"name":"latencyP95","threshold":"≤ 0.05","max":0.05}]},
             "transitions":[{"at":"2026-01-01T00:00:00Z","from":"ready","to":"stage 1 (10%)","weight":10,"reason":"rollout started"},
                            {"at":"2026-01-01T00:00:20Z","from":"stage 1 (10%)","to":"rolling-back","weight":10,"reason":"2 failed"},
                            {"at":"2026-01-01T00:00:21Z","from":"rolling-back","to":"rolled-back","weight":0,"reason":"2 failed"}],
             "analyses":[{"at":"2026-01-01T00:00:10Z","stage":0,"weight":10,"outcome":"failed","checks":[
                            {"name":"latencyP95","verdict":"FAILED","value":0.08,"threshold":"≤ 0.05","message":"canary 0.08 > max 0.05"}]},
                         {"at":"2026-01-01T00:00:20Z","stage":0,"weight":10,"outcome":"failed","checks":[
                            {"name":"latencyP95","verdict":"FAILED","value":0.09,"threshold":"≤ 0.05","message":"canary 0.09 > max 0.05"}]}]}
            """;

    @Test
    void rendersTheTimelineEscaped() {
        ResultDocument doc = ResultDocumentJson.fromJson(java.nio.file.Path.of("c.json"),
                io.jenkins.plugins.mlcicd.input.StructuredFiles.parseTree("c.json", DOC));
        String html = HtmlReport.fragment(doc);
        assertThat(html).contains("data-kind=\"canary\"").contains("Phase <strong>rolled-back</strong>")
                .contains("latencyP95 &lt;b&gt;over&lt;/b&gt; max").doesNotContain("<b>over")
                .contains("10% for 60 s → 100%");
        // weight chart and one guardrail chart, with the bound drawn and each analysis as a point
        assertThat(html.split("<svg", -1)).hasSize(3);
        assertThat(html).contains("<title>Canary weight over time</title>").contains(">Weight (%)</text>")
                .contains(">bound 0.05<").contains("canary: ").contains("0.09");
        assertThat(html).contains("rolling-back").contains("2 failed");
        assertThat(html).doesNotContain("<script").doesNotContain("style=").doesNotContain(" onload=");
    }
}
