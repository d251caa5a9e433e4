package io.jenkins.plugins.mlcicd.jenkins.shadow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters the Pipeline step and the freestyle builder share, by name (each class binds them
 * with its own {@code @DataBoundSetter}s; Stapler and Pipeline bind by class). Numbers are
 * {@code Object} here: a script passes numbers, a form strings.
 */
interface ShadowFields {
    /** Replay: workspace path of the request log, one JSON request body per line (JSON Lines; gzip accepted). */
    String getRequests();

    /** Replay: the production model's server: {@code [url: …, credentialsId: …, headers: …]}. */
    ShadowEndpoint getBaseline();

    /** Replay: the candidate model's server, as {@code baseline}. */
    ShadowEndpoint getCandidate();

    /** Replay: JSON Pointer to the score in a response, e.g. {@code /score}. */
    String getScorePointer();

    /** Replay: JSON Pointer to a classifier's decision in a response (agreement is then on decisions). */
    String getDecisionPointer();

    /** Replay: the request field that identifies a request (samples, label join); default {@code id}. */
    String getIdField();

    /** Replay: headers for both servers, one {@code Name: value} per line; {@code ${NAME}} is resolved by the engine. */
    String getHeaders();

    /** Replay: requests in flight per server. */
    Object getConcurrency();

    /** Replay: requests per second per server (latency then counts from the intended send time). */
    Object getRate();

    /** Replay: how long a request may take, e.g. {@code 5s}. */
    String getTimeout();

    /** Budget: stop after this many requests (replay) or matched predictions (follow). */
    Object getMaxRequests();

    /** Budget: stop after this long, e.g. {@code 30m}; whichever of the budgets comes first. */
    String getDuration();

    /** Replay: count request-log lines that are not JSON instead of failing. */
    boolean isSkipInvalid();

    /** Replay: talk HTTP/2 without TLS (h2c) to the servers. */
    boolean isHttp2();

    /** Prediction logs: the baseline's log (CSV, Parquet, JSON Lines; a file, a directory or a glob). */
    String getBaselineLog();

    /** Prediction logs: the candidate's log. */
    String getCandidateLog();

    /** Prediction logs and labels: the column the logs (and the outcomes) are joined on. */
    String getKey();

    /** Prediction logs: the score column (the engine's default when empty). */
    String getScoreColumn();

    /** Prediction logs: the latency column, in milliseconds. */
    String getLatencyMsColumn();

    /** Prediction logs: keep reading growing logs until the budget is spent. */
    boolean isFollow();

    /** With {@code follow}: how often to look for new rows, e.g. {@code 10s}. */
    String getPoll();

    /** Labels: the delayed outcomes (a file, a directory or a glob), joined on {@code key}. */
    String getLabels();

    /** Labels: the outcome column, e.g. {@code clicked}. */
    String getLabelColumn();

    /** The score at or above which a prediction is positive (decision agreement). */
    Object getThreshold();

    /** A request field (or log column) to compare per value of, e.g. {@code country}. */
    String getSlice();

    /** Workspace path of a gate policy (YAML or JSON) evaluated on the comparison. */
    String getPolicy();

    /** Guardrail: the candidate's highest error rate, e.g. {@code 0.01}. */
    Object getMaxErrorRate();

    /** Guardrail: the candidate's highest p95 latency, e.g. {@code 250ms}. */
    String getMaxLatencyP95();

    /** Guardrail: the candidate's highest p95 latency relative to the baseline's, e.g. {@code 0.2} (+20%). */
    Object getMaxLatencyP95Increase();

    /** Guardrail: the lowest share of requests both models decide alike, e.g. {@code 0.95}. */
    Object getMinAgreement();

    /** Guardrail: the highest population stability index between the two score distributions. */
    Object getMaxPsi();

    /**
     * The request these fields describe.
     *
     * @param expand applied to paths, URLs, columns and option values (the freestyle builder's
     *               {@code $VARIABLES}); never to headers, whose {@code ${NAME}} is the engine's, nor to
     *               credential ids, which the credentials plugin resolves as parameters itself
     */
    static ShadowRequest request(ShadowFields fields, String functionName, UnaryOperator<String> expand) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("concurrency", fields.getConcurrency());
        raw.put("rate", fields.getRate());
        raw.put("timeout", fields.getTimeout());
        raw.put("maxRequests", fields.getMaxRequests());
        raw.put("duration", fields.getDuration());
        raw.put("poll", fields.getPoll());
        raw.put("threshold", fields.getThreshold());
        raw.put("slice", fields.getSlice());
        raw.put("policy", fields.getPolicy());
        raw.put("maxErrorRate", fields.getMaxErrorRate());
        raw.put("maxLatencyP95", fields.getMaxLatencyP95());
        raw.put("maxLatencyP95Increase", fields.getMaxLatencyP95Increase());
        raw.put("minAgreement", fields.getMinAgreement());
        raw.put("maxPsi", fields.getMaxPsi());
        raw.replaceAll((name, value) -> value instanceof String text ? expand.apply(text) : value);
        return new ShadowRequest(expand.apply(fields.getRequests()), endpoint(fields.getBaseline(), expand),
                endpoint(fields.getCandidate(), expand), expand.apply(fields.getScorePointer()), expand.apply(fields.getDecisionPointer()),
                expand.apply(fields.getIdField()), ShadowRequest.lines(fields.getHeaders()), expand.apply(fields.getBaselineLog()),
                expand.apply(fields.getCandidateLog()), expand.apply(fields.getKey()), expand.apply(fields.getScoreColumn()),
                expand.apply(fields.getLatencyMsColumn()), fields.isFollow(), expand.apply(fields.getLabels()),
                expand.apply(fields.getLabelColumn()), fields.isSkipInvalid(), fields.isHttp2(),
                ShadowRequest.options(functionName, raw));
    }

    private static ShadowRequest.Endpoint endpoint(ShadowEndpoint endpoint, UnaryOperator<String> expand) {
        return endpoint == null ? null : endpoint.endpoint(expand);
    }
}
