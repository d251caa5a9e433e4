package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.shadow.CompareOptions;
import io.jenkins.plugins.mlcicd.shadow.Endpoint;
import io.jenkins.plugins.mlcicd.shadow.Guardrails;
import io.jenkins.plugins.mlcicd.shadow.LabelComparison;
import io.jenkins.plugins.mlcicd.shadow.LogJoin;
import io.jenkins.plugins.mlcicd.shadow.ModelStats;
import io.jenkins.plugins.mlcicd.shadow.ReplayOptions;
import io.jenkins.plugins.mlcicd.shadow.Shadow;
import io.jenkins.plugins.mlcicd.shadow.StopSignal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.jenkins.plugins.mlcicd.output.ShutdownCleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "shadow", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Compare a candidate model with production (the baseline) on the same requests, in one of two ways:",
            "  replay:   send every request of a log (JSON Lines) to both model servers",
            "            mlcicd shadow --requests requests.jsonl --baseline-url URL --candidate-url URL",
            "  log join: join the prediction logs both models wrote for mirrored traffic",
            "            mlcicd shadow --baseline-log a.parquet --candidate-log b.parquet --key request_id",
            "Either way, --labels joins delayed outcomes and compares the quality metrics of both models.",
            "Reports per model requests, errors by kind, latency p50/p95/p99/max and throughput; between the models",
            "decision agreement, |score difference| mean/p99/max and score drift (PSI, KS, Jensen-Shannon).",
            "Verdict: the guardrail checks and --policy rules; nothing compared (a model down) is never a pass.",
            ""
        },
        footer = {
            "",
            "Error kinds: connect, reset, timeout, http4xx, http5xx, httpOther, unparsable (2xx body not JSON),",
            "missing-score (no number at the score pointer), logged (log join: the error column is set).",
            "Latency is measured from the send (closed loop) or, with --rate, from the intended send time (as wrk2).",
            "Header values may name secrets as $${NAME}: resolved from the file $MLCICD_SECRETS_FILE, then the environment.",
            "Exit codes: 0 passed, 1 failed, 2 bad input, 3 warning, 4 inconclusive."
        })
final class ShadowCommand implements Callable<Integer> {
    private static final Pattern SECRET = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @Spec
    CommandSpec spec;

    // --- replay
    @Option(names = "--requests", paramLabel = "FILE", order = 10,
            description = "Replay: request log, JSON Lines (one request body per line), .gz accepted.")
    Path requests;

    @Option(names = "--id-field", paramLabel = "NAME", defaultValue = "id", order = 11,
            description = "Replay: field holding a request's id (default: ${DEFAULT-VALUE}; else the line number).")
    String idField;

    @Option(names = "--baseline-url", paramLabel = "URL", order = 12, description = "Replay: the production model's endpoint (http://).")
    String baselineUrl;

    @Option(names = "--candidate-url", paramLabel = "URL", order = 13, description = "Replay: the candidate model's endpoint (http://).")
    String candidateUrl;

    @Option(names = "--score-pointer", paramLabel = "POINTER", defaultValue = "/score", order = 14,
            description = "Replay: JSON Pointer to the score in a response (default: ${DEFAULT-VALUE}).")
    String scorePointer;

    @Option(names = "--decision-pointer", paramLabel = "POINTER", order = 15,
            description = "Replay: JSON Pointer to the decision/label in a response; agreement compares it instead of the thresholded score.")
    String decisionPointer;

    @Option(names = "--header", paramLabel = "'Name: value'", order = 16,
            description = "Replay: request header for both models (repeatable); $${NAME} in the value is a secret.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--baseline-header", paramLabel = "'Name: value'", order = 17, description = "Replay: header for the baseline only (repeatable).")
    List<String> baselineHeaders = new ArrayList<>();

    @Option(names = "--candidate-header", paramLabel = "'Name: value'", order = 18, description = "Replay: header for the candidate only (repeatable).")
    List<String> candidateHeaders = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", order = 19,
            description = "Replay: connections and requests in flight per model (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", paramLabel = "R", order = 20,
            description = "Replay: requests per second per model (default: as fast as they answer); latency then counts from the intended send time.")
    Double rate;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class, order = 21,
            description = "Replay: deadline of one request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--skip-invalid", order = 22,
            description = "Replay: count and skip request lines that are not JSON objects (default: refuse the log, exit 2).")
    boolean skipInvalid;

    @Option(names = "--http2", order = 23,
            description = "Replay: HTTP/2 through the JDK client (h2c by upgrade, falls back to HTTP/1.1); default HTTP/1.1 keep-alive.")
    boolean http2;

    // --- log join
    @Option(names = "--baseline-log", paramLabel = "PATH", order = 30,
            description = "Log join: the baseline's prediction log (CSV, Parquet, JSON Lines; file, glob or directory).")
    Path baselineLog;

    @Option(names = "--candidate-log", paramLabel = "PATH", order = 31, description = "Log join: the candidate's prediction log.")
    Path candidateLog;

    @Option(names = "--key", paramLabel = "COL", order = 32,
            description = "Request key column of the logs and of --labels (default: request_id; replay joins labels on the request id).")
    String key;

    @Option(names = "--score", paramLabel = "COL", defaultValue = "score", order = 33, description = "Log join: score column (default: ${DEFAULT-VALUE}).")
    String scoreColumn;

    @Option(names = "--latency-ms", paramLabel = "COL", order = 34,
            description = "Log join: latency column in milliseconds (default: latency_ms when present).")
    String latencyColumn;

    @Option(names = "--error-column", paramLabel = "COL", order = 35,
            description = "Log join: column set when the request failed (default: error when present).")
    String errorColumn;

    @Option(names = "--follow", order = 36,
            description = "Log join: keep re-reading growing logs until --max-requests keys match or --duration passes.")
    boolean follow;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class, order = 37,
            description = "Log join with --follow: how often to re-read (default: ${DEFAULT-VALUE}).")
    Duration poll;

    // --- labels
    @Option(names = "--labels", paramLabel = "PATH", order = 40,
            description = "Labels (delayed outcomes) joined on --key: every evaluation metric of both models and their paired difference.")
    Path labels;

    @Option(names = "--label", paramLabel = "COL", order = 41, description = "With --labels: the label column (0/1 or boolean).")
    String label;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "200", order = 42,
            description = "With --labels: bootstrap replicates of the paired 95%% intervals (default: ${DEFAULT-VALUE}; 0 for none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", order = 43, description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    // --- common
    @Option(names = "--max-requests", paramLabel = "N", order = 50, description = "Budget: stop after N requests (matched keys in a log join).")
    Long maxRequests;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, order = 51,
            description = "Budget: stop after this long (e.g. 30m, 2h); whichever budget is spent first ends the run.")
    Duration duration;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5", order = 52,
            description = "A score >= T is a positive decision, for agreement and the label metrics (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--slice", paramLabel = "FIELD", order = 53,
            description = "Compare per value of FIELD too (a request field in a replay, a baseline-log column in a log join).")
    String slice;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20", order = 54,
            description = "Worst-disagreeing requests kept as samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sample-size", paramLabel = "N", defaultValue = "100000", order = 55,
            description = "Compared pairs kept (uniform reservoir) for PSI, KS, JS and the p99 of |score difference| (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(names = "--policy", paramLabel = "FILE", order = 56,
            description = "Gate policy (YAML/JSON, the format of mlcicd gate) on this document's metrics, e.g. candidate.errorRate, agreement, scoreDrift.psi, delta.auc.")
    Path policy;

    @Option(names = "--max-error-rate", paramLabel = "RATE", defaultValue = "0.01", order = 60,
            description = "Guardrail: highest candidate error rate (default: ${DEFAULT-VALUE}).")
    double maxErrorRate;

    @Option(names = "--max-latency-p95", paramLabel = "DURATION", converter = DurationConverter.class, order = 61,
            description = "Guardrail: highest candidate p95 latency, e.g. 50ms.")
    Duration maxLatencyP95;

    @Option(names = "--max-latency-p95-increase", paramLabel = "FRACTION", order = 62,
            description = "Guardrail: highest relative p95 increase over the baseline (0.10 = +10%%).")
    Double maxLatencyP95Increase;

    @Option(names = "--min-agreement", paramLabel = "FRACTION", order = 63, description = "Guardrail: lowest share of requests decided alike.")
    Double minAgreement;

    @Option(names = "--max-psi", paramLabel = "PSI", order = 64, description = "Guardrail: highest PSI of the candidate's scores vs the baseline's.")
    Double maxPsi;

    @Mixin
    ResultOutputOptions output;

    /** Replaced in tests; a terminal gets a live progress line. */
    boolean terminal = System.console() != null;

    @Override
    public Integer call() {
        // a signal ends this command with a complete result of its own, which must still be written
        ShutdownCleanup.interruptedRunsHaveResults();
        boolean replay = requests != null || baselineUrl != null || candidateUrl != null;
        boolean join = baselineLog != null || candidateLog != null;
        if (replay == join) {
            throw usage(replay ? "choose one: --requests with --baseline-url/--candidate-url (replay), or --baseline-log/--candidate-log (log join)"
                    : "nothing to compare: give --requests, --baseline-url and --candidate-url (replay), or --baseline-log and --candidate-log (log join)");
        }
        Guardrails guardrails;
        CompareOptions compare;
        try {
            guardrails = new Guardrails(maxErrorRate, maxLatencyP95, maxLatencyP95Increase, minAgreement, maxPsi);
            compare = new CompareOptions(threshold, sampleSize, samples);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if ((labels == null) != (label == null)) {
            throw usage("--labels and --label go together");
        }
        if (bootstrap < 0) {
            throw usage("--bootstrap must not be negative");
        }
        GatePolicy gatePolicy = policy == null ? null : GatePolicy.read(policy);
        LabelComparison.Options labelOptions = labels == null ? null
                : new LabelComparison.Options(labels, key == null ? (join ? "request_id" : idField) : key, label,
                        threshold, bootstrap, seed);
        ModelStats baseline = new ModelStats("baseline");
        ModelStats candidate = new ModelStats("candidate");
        ShadowProgress progress = new ShadowProgress(spec.commandLine().getErr(), terminal, baseline, candidate,
                maxRequests, duration);
        StopSignal stop = new StopSignal();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // SIGINT/SIGTERM: stop sending, then give the run time to write what it measured.
            stop.stop("interrupted by a signal");
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlcicd-shadow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ResultDocument document = replay
                    ? Shadow.replay(replayOptions(), scorePointer, decisionPointer, compare, guardrails, gatePolicy,
                            labelOptions, stop, progress, baseline, candidate)
                    : Shadow.logJoin(joinOptions(), compare, guardrails, gatePolicy, labelOptions, stop, progress);
            progress.end();
            return output.finish(document, spec.commandLine().getOut());
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the result is written
            }
        }
    }

    private ReplayOptions replayOptions() {
        if (requests == null || baselineUrl == null || candidateUrl == null) {
            throw usage("a replay needs --requests, --baseline-url and --candidate-url");
        }
        for (String joinOnly : List.of("--follow", "--poll", "--latency-ms", "--error-column")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(joinOnly)) {
                throw usage(joinOnly + " applies to a log join (--baseline-log/--candidate-log), not a replay");
            }
        }
        Secrets secrets = Secrets.fromEnvironment();
        List<Map.Entry<String, String>> common = headers(headers, "--header", secrets);
        List<Map.Entry<String, String>> forBaseline = new ArrayList<>(common);
        forBaseline.addAll(headers(baselineHeaders, "--baseline-header", secrets));
        List<Map.Entry<String, String>> forCandidate = new ArrayList<>(common);
        forCandidate.addAll(headers(candidateHeaders, "--candidate-header", secrets));
        try {
            Endpoint baselineEndpoint = new Endpoint("baseline", uri("--baseline-url", baselineUrl), forBaseline);
            Endpoint candidateEndpoint = new Endpoint("candidate", uri("--candidate-url", candidateUrl), forCandidate);
            new io.jenkins.plugins.mlcicd.shadow.ScoreExtractor(scorePointer, decisionPointer);
            return new ReplayOptions(requests, idField, slice, baselineEndpoint, candidateEndpoint, concurrency, rate,
                    timeout, maxRequests, duration, skipInvalid, http2);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private LogJoin.Options joinOptions() {
        if (baselineLog == null || candidateLog == null) {
            throw usage("a log join needs both --baseline-log and --candidate-log");
        }
        for (String replayOnly : List.of("--decision-pointer", "--header", "--baseline-header", "--candidate-header",
                "--concurrency", "--rate", "--timeout", "--skip-invalid", "--http2", "--id-field")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(replayOnly)) {
                throw usage(replayOnly + " applies to a replay (--requests), not a log join");
            }
        }
        Set<String> explicit = new HashSet<>();
        if (latencyColumn != null) {
            explicit.add("latency");
        }
        if (errorColumn != null) {
            explicit.add("error");
        }
        try {
            return new LogJoin.Options(baselineLog, candidateLog, key == null ? "request_id" : key, scoreColumn,
                    latencyColumn == null ? "latency_ms" : latencyColumn, errorColumn == null ? "error" : errorColumn,
                    slice, explicit, maxRequests, duration, follow, poll);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private URI uri(String option, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw usage(option + ": '" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** Parses 'Name: value' headers, resolving ${NAME} secrets; values never appear in a message. */
    private List<Map.Entry<String, String>> headers(List<String> specs, String option, Secrets secrets) {
        List<Map.Entry<String, String>> parsed = new ArrayList<>();
        for (String header : specs) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).strip();
            String value = header.substring(colon + 1).strip();
            Matcher matcher = SECRET.matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String secret;
                try {
                    secret = secrets.require(matcher.group(1), option + " " + name);
                } catch (BadInputException e) {
                    throw usage(e.getMessage());
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(secret));
            }
            matcher.appendTail(resolved);
            try {
                Endpoint.checkHeader(option, name, resolved.toString());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            parsed.add(Map.entry(name, resolved.toString()));
        }
        return parsed;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
