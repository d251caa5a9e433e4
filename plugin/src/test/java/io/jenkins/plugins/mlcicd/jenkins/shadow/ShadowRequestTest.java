package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mlShadowEval's parameters: which go together, and the engine's command line they become. */
class ShadowRequestTest {
    private static ShadowEndpoint endpoint(String url, String credentialsId, String headers) {
        ShadowEndpoint endpoint = new ShadowEndpoint(url);
        endpoint.setCredentialsId(credentialsId);
        endpoint.setHeaders(headers);
        return endpoint;
    }

    /** The replay of the issue's example, as a script would write it. */
    private static ShadowStep replay() {
        ShadowStep step = new ShadowStep();
        step.setRequests("logs/requests.jsonl");
        step.setBaseline(endpoint("http://model-a:8080/predict", "model-a-token", null));
        step.setCandidate(endpoint("http://model-b:8080/predict", null, null));
        step.setScorePointer("/score");
        step.setMaxRequests(100000);
        step.setDuration("30m");
        step.setPolicy("ml/shadow-gate.yaml");
        return step;
    }

    private static String error(ShadowStep step) {
        try {
            step.request().validated(ShadowStep.FUNCTION_NAME);
        } catch (BadInputException e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + step.request());
    }

    @Test
    void replayBecomesTheShadowCommandWithTheCredentialByNameOnly() {
        ShadowRequest request = replay().request().validated("mlShadowEval");

        assertThat(request.cliArguments()).containsExactly("shadow", "--requests=logs/requests.jsonl",
                "--baseline-url=http://model-a:8080/predict", "--candidate-url=http://model-b:8080/predict", "--score-pointer=/score",
                "--baseline-header=Authorization: ${MLCICD_BASELINE_AUTHORIZATION}",
                "--max-requests=100000", "--duration=30m", "--policy=ml/shadow-gate.yaml");
        assertThat(request.describe()).isEqualTo("replay of logs/requests.jsonl against baseline http://model-a:8080/predict "
                + "(credential 'model-a-token') and candidate http://model-b:8080/predict");
    }

    @Test
    void everyReplayOptionReachesTheEngine() {
        ShadowStep step = replay();
        step.setBaseline(endpoint("https://a.example.com/v1/models/fraud:predict", null, "X-Tenant: acme\n\n  X-Key: ${A_KEY} "));
        step.setCandidate(endpoint("http://b:8080/predict", "b-login", "X-Tenant: acme"));
        step.setDecisionPointer("/label");
        step.setIdField("request_id");
        step.setHeaders("Content-Type: application/json\nX-Shadow: true");
        step.setConcurrency(32);
        step.setRate(new BigDecimal("250.5"));
        step.setTimeout("5s");
        step.setSkipInvalid(true);
        step.setHttp2(true);
        step.setLabels("outcomes/*.parquet");
        step.setLabelColumn("clicked");
        step.setKey("request_id");
        step.setThreshold(0.5);
        step.setSlice("country");
        step.setMaxErrorRate("0.01");
        step.setMaxLatencyP95("250ms");
        step.setMaxLatencyP95Increase(0.2);
        step.setMinAgreement(0.95);
        step.setMaxPsi(0.2);

        assertThat(step.request().validated("mlShadowEval").cliArguments()).containsExactly("shadow",
                "--requests=logs/requests.jsonl", "--baseline-url=https://a.example.com/v1/models/fraud:predict",
                "--candidate-url=http://b:8080/predict", "--score-pointer=/score", "--decision-pointer=/label",
                "--id-field=request_id", "--header=Content-Type: application/json", "--header=X-Shadow: true",
                "--baseline-header=X-Tenant: acme", "--baseline-header=X-Key: ${A_KEY}",
                "--candidate-header=X-Tenant: acme", "--candidate-header=Authorization: ${MLCICD_CANDIDATE_AUTHORIZATION}",
                "--skip-invalid", "--http2", "--key=request_id", "--labels=outcomes/*.parquet", "--label=clicked",
                "--concurrency=32", "--rate=250.5", "--timeout=5s", "--max-requests=100000", "--duration=30m",
                "--threshold=0.5", "--slice=country", "--policy=ml/shadow-gate.yaml", "--max-error-rate=0.01",
                "--max-latency-p95=250ms", "--max-latency-p95-increase=0.2", "--min-agreement=0.95", "--max-psi=0.2");
    }

    @Test
    void predictionLogsBecomeTheLogJoin() {
        ShadowStep step = new ShadowStep();
        step.setBaselineLog("logs/a/*.parquet");
        step.setCandidateLog("logs/b/*.parquet");
        step.setKey("request_id");
        step.setScoreColumn("score");
        step.setLatencyMsColumn("latency_ms");
        step.setFollow(true);
        step.setPoll("10s");
        step.setDuration("2h");
        step.setMaxRequests("50000");

        ShadowRequest request = step.request().validated("mlShadowEval");
        assertThat(request.cliArguments()).containsExactly("shadow", "--baseline-log=logs/a/*.parquet",
                "--candidate-log=logs/b/*.parquet", "--score=score", "--latency-ms=latency_ms", "--follow", "--key=request_id",
                "--max-requests=50000", "--duration=2h", "--poll=10s");
        assertThat(request.describe()).isEqualTo("prediction logs logs/a/*.parquet (baseline) and logs/b/*.parquet (candidate) "
                + "joined on request_id, followed until the budget is spent");
    }

    @Test
    void numbersFromScriptsAndFormsAreNormalisedAndWrongOnesNamed() {
        ShadowStep step = replay();
        step.setMaxRequests(1e7);
        step.setConcurrency(" 8 ");
        step.setMinAgreement(new BigDecimal("0.950"));
        assertThat(step.request().options()).containsEntry("maxRequests", "10000000").containsEntry("concurrency", "8")
                .containsEntry("minAgreement", "0.950");

        step.setConcurrency(2.5);
        assertThat(error(step)).isEqualTo("mlShadowEval: concurrency: expected a whole number, was '2.5'");
        step.setConcurrency("");
        assertThat(step.getConcurrency()).isNull();
        step.setRate("fast");
        assertThat(error(step)).isEqualTo("mlShadowEval: rate: expected a number, was 'fast'");
        step.setRate(null);
        step.setDuration("half an hour");
        assertThat(error(step)).startsWith("mlShadowEval: duration: ").contains("half an hour", "30m");
    }

    @Test
    void aReplayOrPredictionLogsNotBothNotNeither() {
        assertThat(error(new ShadowStep())).startsWith("mlShadowEval: requests or baselineLog and candidateLog: required (");
        ShadowStep both = replay();
        both.setBaselineLog("a.parquet");
        assertThat(error(both)).startsWith("mlShadowEval: give either requests (replay a request log against two model servers) or "
                + "baselineLog and candidateLog");
    }

    @Test
    void aReplayNeedsBothServers() {
        ShadowStep step = replay();
        step.setCandidate(null);
        assertThat(error(step)).isEqualTo("mlShadowEval: candidate: required with requests, with its url "
                + "(e.g. candidate: [url: 'http://model-b:8080/predict', credentialsId: '…'])");
        // an empty nested form section is no endpoint
        step.setCandidate(endpoint(" ", null, ""));
        assertThat(step.request().candidate()).isNull();

        // the engine's default pointer, /score, when none is given
        ShadowStep noPointer = replay();
        noPointer.setScorePointer(" ");
        assertThat(noPointer.request().validated("mlShadowEval").cliArguments()).noneMatch(arg -> arg.startsWith("--score-pointer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:s3cret@model-a:8080/predict", "https://s3cret@model-a/predict"})
    void aLoginInTheUrlIsRefusedWithoutRepeatingIt(String url) {
        ShadowStep step = replay();
        step.setBaseline(endpoint(url, null, null));
        assertThat(error(step)).isEqualTo("mlShadowEval: baseline.url: the URL must not hold a login; give a credential as credentialsId");
    }

    @Test
    void serverUrlsAndHeadersAreChecked() {
        ShadowStep step = replay();
        step.setCandidate(endpoint("model-b:8080/predict", null, null));
        assertThat(error(step)).startsWith("mlShadowEval: candidate.url: expected an http:// or https:// URL with a host");

        step.setCandidate(endpoint("http://b/predict", null, "X-Api-Key s3cret-value"));
        assertThat(error(step)).startsWith("mlShadowEval: candidate.headers: expected 'Name: value'").doesNotContain("s3cret-value");

        step.setCandidate(endpoint("http://b/predict", "b-token", "authorization: Bearer x"));
        assertThat(error(step)).isEqualTo("mlShadowEval: candidate: give either credentialsId or an Authorization header, not both");
    }

    @Test
    void parametersOfTheOtherModeAreRefusedByName() {
        ShadowStep replay = replay();
        replay.setFollow(true);
        replay.setScoreColumn("score");
        assertThat(error(replay)).isEqualTo("mlShadowEval: follow and scoreColumn go with baselineLog and candidateLog, not with requests");

        ShadowStep logs = new ShadowStep();
        logs.setBaselineLog("a.csv");
        logs.setCandidateLog("b.csv");
        assertThat(error(logs)).startsWith("mlShadowEval: key: required with baselineLog and candidateLog");
        logs.setKey("id");
        logs.setScorePointer("/score");
        logs.setConcurrency(4);
        assertThat(error(logs)).isEqualTo("mlShadowEval: scorePointer, concurrency go with requests (a replay), not with prediction logs");

        ShadowStep oneLog = new ShadowStep();
        oneLog.setCandidateLog("b.csv");
        assertThat(error(oneLog)).startsWith("mlShadowEval: baselineLog: required with candidateLog");
    }

    @Test
    void labelsNeedTheirColumnAndPollNeedsFollow() {
        ShadowStep step = replay();
        step.setLabels("outcomes.parquet");
        assertThat(error(step)).isEqualTo("mlShadowEval: labels: labelColumn is required (the outcome column, e.g. 'clicked')");
        step.setLabels(null);
        step.setLabelColumn("clicked");
        assertThat(error(step)).startsWith("mlShadowEval: labelColumn goes with labels");

        ShadowStep logs = new ShadowStep();
        logs.setBaselineLog("a.csv");
        logs.setCandidateLog("b.csv");
        logs.setKey("id");
        logs.setPoll("10s");
        assertThat(error(logs)).isEqualTo("mlShadowEval: poll goes with follow: true (keep reading growing prediction logs)");
    }

    @Test
    void theBuilderExpandsVariablesButNotInHeadersOrCredentialIds() {
        ShadowBuilder builder = new ShadowBuilder();
        builder.setRequests("logs/$DAY/requests.jsonl");
        ShadowEndpoint baseline = endpoint("http://$MODEL_A/predict", "${TOKEN_PARAM}", "X-Key: ${API_KEY}");
        builder.setBaseline(baseline);
        builder.setCandidate(endpoint("http://b/predict", null, null));
        builder.setScorePointer("/score");
        builder.setMaxRequests("$BUDGET");
        builder.setHeaders("X-Day: ${API_KEY}");
        Map<String, String> env = Map.of("DAY", "2026-12-07", "MODEL_A", "model-a:8080", "TOKEN_PARAM", "other",
                "API_KEY", "s3cret", "BUDGET", "1000");

        ShadowRequest request = builder.request(value -> value == null ? null : expand(value, env)).validated("mlShadowEval");

        assertThat(request.requests()).isEqualTo("logs/2026-12-07/requests.jsonl");
        assertThat(request.baseline()).isEqualTo(new ShadowRequest.Endpoint("http://model-a:8080/predict", "${TOKEN_PARAM}",
                java.util.List.of("X-Key: ${API_KEY}")));
        assertThat(request.headers()).containsExactly("X-Day: ${API_KEY}");
        assertThat(request.options()).containsEntry("maxRequests", "1000");
        assertThat(String.join(" ", request.cliArguments())).doesNotContain("s3cret");
    }

    /** $NAME and ${NAME}, enough of EnvVars.expand for the test. */
    private static String expand(String value, Map<String, String> env) {
        String result = value;
        for (var entry : env.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", entry.getValue()).replace("$" + entry.getKey(), entry.getValue());
        }
        return result;
    }

    @Test
    void stepAndBuilderHaveTheSameOptions() {
        assertThat(new ShadowStep().options()).isEqualTo(new StepOptions("mlShadowEval", "shadow", false, false));
        ShadowBuilder builder = new ShadowBuilder();
        builder.setId(" canary-prep ");
        builder.setUnstableOnly(true);
        assertThat(builder.options()).isEqualTo(new StepOptions("mlShadowEval", "canary-prep", false, true));
    }
}
