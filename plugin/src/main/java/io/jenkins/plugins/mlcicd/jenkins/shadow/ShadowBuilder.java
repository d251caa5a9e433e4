package io.jenkins.plugins.mlcicd.jenkins.shadow;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Shadow evaluation as a freestyle build step; the same fields and code path as {@link ShadowStep}.
 * No {@code @Symbol}: Pipeline scripts use the step, {@code mlShadowEval}.
 */
public final class ShadowBuilder extends MlBuilder implements ShadowFields {
    static final String DEFAULT_ID = "shadow";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS;

    static {
        List<String> fields = new ArrayList<>(List.of(
                "requests", "baseline", "candidate", "scorePointer", "decisionPointer", "idField", "headers",
                "concurrency", "rate", "timeout", "maxRequests", "duration", "skipInvalid", "http2", "baselineLog",
                "candidateLog", "key", "scoreColumn", "latencyMsColumn", "follow", "poll", "labels", "labelColumn",
                "threshold", "slice", "policy", "maxErrorRate", "maxLatencyP95", "maxLatencyP95Increase",
                "minAgreement", "maxPsi"
        ));
        fields.addAll(List.of("id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks"));
        FIELDS = List.copyOf(fields);
    }

    private String requests;
    private ShadowEndpoint baseline;
    private ShadowEndpoint candidate;
    private String scorePointer;
    private String decisionPointer;
    private String idField;
    private String headers;
    private String concurrency;
    private String rate;
    private String timeout;
    private String maxRequests;
    private String duration;
    private boolean skipInvalid;
    private boolean http2;
    private String baselineLog;
    private String candidateLog;
    private String key;
    private String scoreColumn;
    private String latencyMsColumn;
    private boolean follow;
    private String poll;
    private String labels;
    private String labelColumn;
    private String threshold;
    private String slice;
    private String policy;
    private String maxErrorRate;
    private String maxLatencyP95;
    private String maxLatencyP95Increase;
    private String minAgreement;
    private String maxPsi;

    @Override
    public String getRequests() {
        return requests;
    }

    /** Replay: workspace path of the request log, one JSON request body per line (JSON Lines; gzip accepted). */
    @DataBoundSetter
    public void setRequests(String requests) {
        this.requests = ShadowRequest.trimmed(requests);
    }

    @Override
    public ShadowEndpoint getBaseline() {
        return baseline;
    }

    /** Replay: the production model's server: {@code [url: …, credentialsId: …, headers: …]}. */
    @DataBoundSetter
    public void setBaseline(ShadowEndpoint baseline) {
        this.baseline = baseline;
    }

    @Override
    public ShadowEndpoint getCandidate() {
        return candidate;
    }

    /** Replay: the candidate model's server, as {@code baseline}. */
    @DataBoundSetter
    public void setCandidate(ShadowEndpoint candidate) {
        this.candidate = candidate;
    }

    @Override
    public String getScorePointer() {
        return scorePointer;
    }

    /** Replay: JSON Pointer to the score in a response, e.g. {@code /score}. */
    @DataBoundSetter
    public void setScorePointer(String scorePointer) {
        this.scorePointer = ShadowRequest.trimmed(scorePointer);
    }

    @Override
    public String getDecisionPointer() {
        return decisionPointer;
    }

    /** Replay: JSON Pointer to a classifier's decision in a response (agreement is then on decisions). */
    @DataBoundSetter
    public void setDecisionPointer(String decisionPointer) {
        this.decisionPointer = ShadowRequest.trimmed(decisionPointer);
    }

    @Override
    public String getIdField() {
        return idField;
    }

    /** Replay: the request field that identifies a request (samples, label join); default {@code id}. */
    @DataBoundSetter
    public void setIdField(String idField) {
        this.idField = ShadowRequest.trimmed(idField);
    }

    @Override
    public String getHeaders() {
        return headers;
    }

    /** Replay: headers for both servers, one {@code Name: value} per line; {@code ${NAME}} is resolved by the engine. */
    @DataBoundSetter
    public void setHeaders(String headers) {
        this.headers = ShadowRequest.trimmed(headers);
    }

    @Override
    public String getConcurrency() {
        return concurrency;
    }

    /** Replay: requests in flight per server. */
    @DataBoundSetter
    public void setConcurrency(String concurrency) {
        this.concurrency = ShadowRequest.trimmed(concurrency);
    }

    @Override
    public String getRate() {
        return rate;
    }

    /** Replay: requests per second per server (latency then counts from the intended send time). */
    @DataBoundSetter
    public void setRate(String rate) {
        this.rate = ShadowRequest.trimmed(rate);
    }

    @Override
    public String getTimeout() {
        return timeout;
    }

    /** Replay: how long a request may take, e.g. {@code 5s}. */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = ShadowRequest.trimmed(timeout);
    }

    @Override
    public String getMaxRequests() {
        return maxRequests;
    }

    /** Budget: stop after this many requests (replay) or matched predictions (follow). */
    @DataBoundSetter
    public void setMaxRequests(String maxRequests) {
        this.maxRequests = ShadowRequest.trimmed(maxRequests);
    }

    @Override
    public String getDuration() {
        return duration;
    }

    /** Budget: stop after this long, e.g. {@code 30m}; whichever of the budgets comes first. */
    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = ShadowRequest.trimmed(duration);
    }

    @Override
    public boolean isSkipInvalid() {
        return skipInvalid;
    }

    /** Replay: count request-log lines that are not JSON instead of failing. */
    @DataBoundSetter
    public void setSkipInvalid(boolean skipInvalid) {
        this.skipInvalid = skipInvalid;
    }

    @Override
    public boolean isHttp2() {
        return http2;
    }

    /** Replay: talk HTTP/2 without TLS (h2c) to the servers. */
    @DataBoundSetter
    public void setHttp2(boolean http2) {
        this.http2 = http2;
    }

    @Override
    public String getBaselineLog() {
        return baselineLog;
    }

    /** Prediction logs: the baseline's log (CSV, Parquet, JSON Lines; a file, a directory or a glob). */
    @DataBoundSetter
    public void setBaselineLog(String baselineLog) {
        this.baselineLog = ShadowRequest.trimmed(baselineLog);
    }

    @Override
    public String getCandidateLog() {
        return candidateLog;
    }

    /** Prediction logs: the candidate's log. */
    @DataBoundSetter
    public void setCandidateLog(String candidateLog) {
        this.candidateLog = ShadowRequest.trimmed(candidateLog);
    }

    @Override
    public String getKey() {
        return key;
    }

    /** Prediction logs and labels: the column the logs (and the outcomes) are joined on. */
    @DataBoundSetter
    public void setKey(String key) {
        this.key = ShadowRequest.trimmed(key);
    }

    @Override
    public String getScoreColumn() {
        return scoreColumn;
    }

    /** Prediction logs: the score column (the engine's default when empty). */
    @DataBoundSetter
    public void setScoreColumn(String scoreColumn) {
        this.scoreColumn = ShadowRequest.trimmed(scoreColumn);
    }

    @Override
    public String getLatencyMsColumn() {
        return latencyMsColumn;
    }

    /** Prediction logs: the latency column, in milliseconds. */
    @DataBoundSetter
    public void setLatencyMsColumn(String latencyMsColumn) {
        this.latencyMsColumn = ShadowRequest.trimmed(latencyMsColumn);
    }

    @Override
    public boolean isFollow() {
        return follow;
    }

    /** Prediction logs: keep reading growing logs until the budget is spent. */
    @DataBoundSetter
    public void setFollow(boolean follow) {
        this.follow = follow;
    }

    @Override
    public String getPoll() {
        return poll;
    }

    /** With {@code follow}: how often to look for new rows, e.g. {@code 10s}. */
    @DataBoundSetter
    public void setPoll(String poll) {
        this.poll = ShadowRequest.trimmed(poll);
    }

    @Override
    public String getLabels() {
        return labels;
    }

    /** Labels: the delayed outcomes (a file, a directory or a glob), joined on {@code key}. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = ShadowRequest.trimmed(labels);
    }

    @Override
    public String getLabelColumn() {
        return labelColumn;
    }

    /** Labels: the outcome column, e.g. {@code clicked}. */
    @DataBoundSetter
    public void setLabelColumn(String labelColumn) {
        this.labelColumn = ShadowRequest.trimmed(labelColumn);
    }

    @Override
    public String getThreshold() {
        return threshold;
    }

    /** The score at or above which a prediction is positive (decision agreement). */
    @DataBoundSetter
    public void setThreshold(String threshold) {
        this.threshold = ShadowRequest.trimmed(threshold);
    }

    @Override
    public String getSlice() {
        return slice;
    }

    /** A request field (or log column) to compare per value of, e.g. {@code country}. */
    @DataBoundSetter
    public void setSlice(String slice) {
        this.slice = ShadowRequest.trimmed(slice);
    }

    @Override
    public String getPolicy() {
        return policy;
    }

    /** Workspace path of a gate policy (YAML or JSON) evaluated on the comparison. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = ShadowRequest.trimmed(policy);
    }

    @Override
    public String getMaxErrorRate() {
        return maxErrorRate;
    }

    /** Guardrail: the candidate's highest error rate, e.g. {@code 0.01}. */
    @DataBoundSetter
    public void setMaxErrorRate(String maxErrorRate) {
        this.maxErrorRate = ShadowRequest.trimmed(maxErrorRate);
    }

    @Override
    public String getMaxLatencyP95() {
        return maxLatencyP95;
    }

    /** Guardrail: the candidate's highest p95 latency, e.g. {@code 250ms}. */
    @DataBoundSetter
    public void setMaxLatencyP95(String maxLatencyP95) {
        this.maxLatencyP95 = ShadowRequest.trimmed(maxLatencyP95);
    }

    @Override
    public String getMaxLatencyP95Increase() {
        return maxLatencyP95Increase;
    }

    /** Guardrail: the candidate's highest p95 latency relative to the baseline's, e.g. {@code 0.2} (+20%). */
    @DataBoundSetter
    public void setMaxLatencyP95Increase(String maxLatencyP95Increase) {
        this.maxLatencyP95Increase = ShadowRequest.trimmed(maxLatencyP95Increase);
    }

    @Override
    public String getMinAgreement() {
        return minAgreement;
    }

    /** Guardrail: the lowest share of requests both models decide alike, e.g. {@code 0.95}. */
    @DataBoundSetter
    public void setMinAgreement(String minAgreement) {
        this.minAgreement = ShadowRequest.trimmed(minAgreement);
    }

    @Override
    public String getMaxPsi() {
        return maxPsi;
    }

    /** Guardrail: the highest population stability index between the two score distributions. */
    @DataBoundSetter
    public void setMaxPsi(String maxPsi) {
        this.maxPsi = ShadowRequest.trimmed(maxPsi);
    }

    @DataBoundConstructor
    public ShadowBuilder() {
        // every parameter is optional by itself; which go together is checked when the step runs
    }

    @Override
    protected String functionName() {
        return ShadowStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        ShadowRunner.perform(build, options, () -> request(value -> expand(env, value)), handler);
    }

    /** The request with the build's {@code $VARIABLES} expanded as {@link ShadowFields#request} says. */
    ShadowRequest request(UnaryOperator<String> expand) {
        return ShadowFields.request(this, ShadowStep.FUNCTION_NAME, expand);
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML shadow evaluation";
        }

        @POST
        public FormValidation doCheckHeaders(@AncestorInPath Item item, @QueryParameter String value) {
            return ShadowForms.checkHeaders(item, value);
        }

        @POST
        public FormValidation doCheckRequests(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String baselineLog) {
            return ShadowForms.checkSource(item, value, baselineLog);
        }
    }
}
