package io.jenkins.plugins.mlcicd.jenkins.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code mlShadowEval} invocation on the build page. Its summary shows the verdict and the numbers
 * read first (the candidate's error rate, both models' p95 latency, their agreement); its page the
 * engine-rendered comparison (per-model table, latency percentiles side by side, the score-difference
 * histogram, calibration curves when labels were joined), from the stored result document. The numbers
 * are kept in build.xml as text, so the build page does not read the document.
 */
public final class ShadowAction extends MlResultAction {
    /** Where the engine's shadow document keeps the numbers the summary shows (engine {@code ShadowDocument}). */
    static final String CANDIDATE_ERROR_RATE = "/metrics/candidate/errorRate";
    static final String BASELINE_P95 = "/metrics/baseline/latencyP95";
    static final String CANDIDATE_P95 = "/metrics/candidate/latencyP95";
    static final String AGREEMENT = "/metrics/agreement";
    static final String COMPARED = "/metrics/compared";
    static final String STOP_REASON = "/stopReason";

    private final String source;
    private final String policy;
    private final String candidateErrorRate;
    private final String baselineLatencyP95;
    private final String candidateLatencyP95;
    private final String agreement;
    private final String compared;
    private final String stopReason;

    ShadowAction(String id, ResultDocument document, ShadowRequest request) {
        super(id, document);
        ObjectNode fields = document.fields();
        this.source = request.describe();
        this.policy = request.options().get("policy");
        this.candidateErrorRate = percent(fields.at(CANDIDATE_ERROR_RATE));
        this.baselineLatencyP95 = milliseconds(fields.at(BASELINE_P95));
        this.candidateLatencyP95 = milliseconds(fields.at(CANDIDATE_P95));
        this.agreement = percent(fields.at(AGREEMENT));
        this.compared = fields.at(COMPARED).isNumber() ? fields.at(COMPARED).asText() : null;
        this.stopReason = fields.at(STOP_REASON).isTextual() ? fields.at(STOP_REASON).asText() : null;
    }

    static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.2f%%", value.doubleValue() * 100) : null;
    }

    static String milliseconds(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f ms", value.doubleValue()) : null;
    }

    @Override
    public ResultKind kind() {
        return ResultKind.SHADOW;
    }

    @Override
    protected String title() {
        return "ML shadow evaluation";
    }

    /** What was compared: the replay's request log and servers (credentials by id), or the prediction logs. */
    public String getSource() {
        return source;
    }

    /** The candidate's error rate, e.g. {@code 0.40%}; null when the document has none. */
    public String getCandidateErrorRate() {
        return candidateErrorRate;
    }

    public String getBaselineLatencyP95() {
        return baselineLatencyP95;
    }

    public String getCandidateLatencyP95() {
        return candidateLatencyP95;
    }

    /** The share of requests both models decided alike; null when nothing was compared. */
    public String getAgreement() {
        return agreement;
    }

    /** How many requests both models answered with a score. */
    public String getCompared() {
        return compared;
    }

    /** Why the run ended (budget spent, input exhausted, aborted), as the engine says. */
    public String getStopReason() {
        return stopReason;
    }

    /** The summary's line of key numbers; "n/a" for each the document lacks (a missing number is never shown as 0). */
    public String getKeyNumbers() {
        return "candidate error rate " + orNa(candidateErrorRate)
                + " · p95 latency baseline " + orNa(baselineLatencyP95) + ", candidate " + orNa(candidateLatencyP95)
                + " · agreement " + orNa(agreement)
                + (compared == null ? "" : " (" + compared + " compared)");
    }

    private static String orNa(String value) {
        return value == null ? "n/a" : value;
    }

    @Override
    public List<Fact> getFacts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Compared", source, null));
        if (stopReason != null) {
            facts.add(new Fact("Stopped", stopReason, null));
        }
        if (policy != null) {
            facts.add(new Fact("Policy", policy, null));
        }
        return facts;
    }
}
