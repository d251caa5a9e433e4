package io.jenkins.plugins.mlcicd.jenkins.shadow;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlShadowEval(requests: 'logs/requests.jsonl', baseline: [url: …, credentialsId: …], candidate: [url: …],
 * scorePointer: '/score', maxRequests: 100000, duration: '30m', policy: 'ml/shadow-gate.yaml')}: runs a
 * candidate model beside production on the same requests (a replay, or the prediction logs both already
 * write) on the agent, compares answers, speed and failures, records the comparison with the build and
 * returns its result document as a map. No parameter is required by itself: the step needs either a
 * replay or prediction logs ({@link ShadowRequest#validated}).
 */
public final class ShadowStep extends MlStep implements ShadowFields {
    public static final String FUNCTION_NAME = "mlShadowEval";

    private String requests;
    private ShadowEndpoint baseline;
    private ShadowEndpoint candidate;
    private String scorePointer;
    private String decisionPointer;
    private String idField;
    private String headers;
    private Object concurrency;
    private Object rate;
    private String timeout;
    private Object maxRequests;
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
    private Object threshold;
    private String slice;
    private String policy;
    private Object maxErrorRate;
    private String maxLatencyP95;
    private Object maxLatencyP95Increase;
    private Object minAgreement;
    private Object maxPsi;

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
    public Object getConcurrency() {
        return concurrency;
    }

    /** Replay: requests in flight per server. */
    @DataBoundSetter
    public void setConcurrency(Object concurrency) {
        this.concurrency = concurrency instanceof CharSequence text && text.toString().isBlank() ? null : concurrency;
    }

    @Override
    public Object getRate() {
        return rate;
    }

    /** Replay: requests per second per server (latency then counts from the intended send time). */
    @DataBoundSetter
    public void setRate(Object rate) {
        this.rate = rate instanceof CharSequence text && text.toString().isBlank() ? null : rate;
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
    public Object getMaxRequests() {
        return maxRequests;
    }

    /** Budget: stop after this many requests (replay) or matched predictions (follow). */
    @DataBoundSetter
    public void setMaxRequests(Object maxRequests) {
        this.maxRequests = maxRequests instanceof CharSequence text && text.toString().isBlank() ? null : maxRequests;
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
    public Object getThreshold() {
        return threshold;
    }

    /** The score at or above which a prediction is positive (decision agreement). */
    @DataBoundSetter
    public void setThreshold(Object threshold) {
        this.threshold = threshold instanceof CharSequence text && text.toString().isBlank() ? null : threshold;
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
    public Object getMaxErrorRate() {
        return maxErrorRate;
    }

    /** Guardrail: the candidate's highest error rate, e.g. {@code 0.01}. */
    @DataBoundSetter
    public void setMaxErrorRate(Object maxErrorRate) {
        this.maxErrorRate = maxErrorRate instanceof CharSequence text && text.toString().isBlank() ? null : maxErrorRate;
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
    public Object getMaxLatencyP95Increase() {
        return maxLatencyP95Increase;
    }

    /** Guardrail: the candidate's highest p95 latency relative to the baseline's, e.g. {@code 0.2} (+20%). */
    @DataBoundSetter
    public void setMaxLatencyP95Increase(Object maxLatencyP95Increase) {
        this.maxLatencyP95Increase = maxLatencyP95Increase instanceof CharSequence text && text.toString().isBlank() ? null : maxLatencyP95Increase;
    }

    @Override
    public Object getMinAgreement() {
        return minAgreement;
    }

    /** Guardrail: the lowest share of requests both models decide alike, e.g. {@code 0.95}. */
    @DataBoundSetter
    public void setMinAgreement(Object minAgreement) {
        this.minAgreement = minAgreement instanceof CharSequence text && text.toString().isBlank() ? null : minAgreement;
    }

    @Override
    public Object getMaxPsi() {
        return maxPsi;
    }

    /** Guardrail: the highest population stability index between the two score distributions. */
    @DataBoundSetter
    public void setMaxPsi(Object maxPsi) {
        this.maxPsi = maxPsi instanceof CharSequence text && text.toString().isBlank() ? null : maxPsi;
    }

    @DataBoundConstructor
    public ShadowStep() {
        // every parameter is optional by itself; which go together is checked when the step runs
    }

    ShadowRequest request() {
        return ShadowFields.request(this, FUNCTION_NAME, UnaryOperator.identity());
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return ShadowBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        // converted by the runner, which reports a wrong value in one line
        return new MlStepExecution(context, (build, handler) -> ShadowRunner.perform(build, options, this::request, handler));
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(ShadowBuilder.class, ShadowBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML shadow evaluation: compare a candidate model with production on the same requests";
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
