package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPage;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowActionTest {
    private static ShadowRequest request() {
        ShadowStep step = new ShadowStep();
        step.setRequests("logs/requests.jsonl");
        ShadowEndpoint baseline = new ShadowEndpoint("http://a/predict");
        baseline.setCredentialsId("a-token");
        step.setBaseline(baseline);
        step.setCandidate(new ShadowEndpoint("http://b/predict"));
        step.setScorePointer("/score");
        step.setPolicy("ml/shadow-gate.yaml");
        return step.request().validated("mlShadowEval");
    }

    /** The numbers where the engine's shadow document keeps them. */
    private static ResultDocument document(boolean compared) {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.put("stopReason", "max-requests reached");
        ObjectNode metrics = fields.putObject("metrics");
        metrics.putObject("baseline").put("errorRate", 0.0).put("latencyP95", 12.34);
        ObjectNode candidate = metrics.putObject("candidate").put("errorRate", 0.004);
        if (compared) {
            candidate.put("latencyP95", 18.0);
            metrics.put("agreement", 0.9712).put("compared", 9960);
        }
        return new ResultDocument(ResultKind.SHADOW, Verdict.FAILED, "candidate <b>slower</b>", Instant.EPOCH, 10,
                List.of(Check.of("candidate.latencyP95", Verdict.FAILED, 18.0, "≤ 15 ms", "candidate p95 latency 18 ms")), fields);
    }

    @Test
    void theSummaryShowsTheKeyNumbers() {
        ShadowAction action = new ShadowAction("shadow", document(true), request());

        assertThat(action.getUrlName()).isEqualTo("mlcicd-shadow-shadow");
        assertThat(action.getDisplayName()).isEqualTo("ML shadow evaluation (shadow)");
        assertThat(action.getKeyNumbers()).isEqualTo("candidate error rate 0.40% · p95 latency baseline 12.3 ms, candidate 18.0 ms"
                + " · agreement 97.12% (9960 compared)");
        assertThat(action.getKeyChecks()).extracting(check -> check.getName()).containsExactly("candidate.latencyP95");
        assertThat(action.getFacts()).extracting(Fact::getLabel).containsExactly("Compared", "Stopped", "Policy");
        assertThat(action.getFacts().get(0).getText()).contains("credential 'a-token'");
    }

    @Test
    void aMissingNumberIsNotApplicableNeverZero() {
        ShadowAction action = new ShadowAction("shadow", document(false), request());

        assertThat(action.getAgreement()).isNull();
        assertThat(action.getCandidateLatencyP95()).isNull();
        assertThat(action.getKeyNumbers()).isEqualTo("candidate error rate 0.40% · p95 latency baseline 12.3 ms, candidate n/a"
                + " · agreement n/a");
    }

    @Test
    void thePageEmbedsTheEngineReportEscaped() {
        String html = new ResultPage(new ShadowAction("shadow", document(true), request())).getReportHtml();

        assertThat(html).contains("candidate.latencyP95", "&lt;b&gt;slower&lt;/b&gt;").doesNotContain("<b>", "<script", "style=");
    }
}
