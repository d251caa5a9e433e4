package io.jenkins.plugins.mlcicd.jenkins.shadow;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Durations;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parameters of {@code mlShadowEval}, as either front end received them, converted to what the
 * engine's {@code mlcicd shadow} command takes. Three ways to feed the comparison: a replay of a request
 * log against two model servers ({@code requests}, {@code baseline}, {@code candidate}); a join of the
 * prediction logs both models already write ({@code baselineLog}, {@code candidateLog}, {@code key});
 * and, with either, delayed outcomes ({@code labels}, {@code labelColumn}). The comparison itself, the
 * budget and the guardrails are the engine's; this class only checks which parameters go together.
 *
 * @param requests        workspace path of the request log (JSON Lines, gzip accepted), or null
 * @param baseline        the production model's server (replay), or null
 * @param candidate       the candidate model's server (replay), or null
 * @param scorePointer    JSON Pointer to the score in a response, or null (the engine's default, {@code /score})
 * @param decisionPointer JSON Pointer to a classifier's decision in a response, or null
 * @param idField         the request field that identifies a request, or null
 * @param headers         request headers for both servers, {@code Name: value}
 * @param baselineLog     the baseline's prediction log (file, directory or glob), or null
 * @param candidateLog    the candidate's prediction log, or null
 * @param key             the column both logs (and the labels) are joined on, or null
 * @param scoreColumn     the score column of the logs, or null (the engine's default)
 * @param latencyMsColumn the latency column (milliseconds) of the logs, or null
 * @param follow          keep reading growing logs until the budget is spent
 * @param labels          the outcomes to join (file, directory or glob), or null
 * @param labelColumn     the outcome column in {@code labels}
 * @param skipInvalid     count request-log lines that are not JSON instead of failing
 * @param http2           talk HTTP/2 (h2c) to the servers
 * @param options         the remaining options by field name ({@link #OPTIONS}), already checked and in canonical form
 */
public record ShadowRequest(String requests, Endpoint baseline, Endpoint candidate, String scorePointer, String decisionPointer,
                            String idField, List<String> headers, String baselineLog, String candidateLog, String key,
                            String scoreColumn, String latencyMsColumn, boolean follow, String labels, String labelColumn,
                            boolean skipInvalid, boolean http2, Map<String, String> options) {

    /** How each remaining field is checked. */
    enum Kind { WHOLE, NUMBER, DURATION, TEXT }

    /** A remaining field: its CLI option and kind. */
    record Option(String cli, Kind kind) {
    }

    /** The fields passed to the engine as one option each, in the order of {@code mlcicd shadow --help}. */
    static final Map<String, Option> OPTIONS;

    static {
        Map<String, Option> options = new LinkedHashMap<>();
        options.put("concurrency", new Option("--concurrency", Kind.WHOLE));
        options.put("rate", new Option("--rate", Kind.NUMBER));
        options.put("timeout", new Option("--timeout", Kind.DURATION));
        options.put("maxRequests", new Option("--max-requests", Kind.WHOLE));
        options.put("duration", new Option("--duration", Kind.DURATION));
        options.put("poll", new Option("--poll", Kind.DURATION));
        options.put("threshold", new Option("--threshold", Kind.NUMBER));
        options.put("slice", new Option("--slice", Kind.TEXT));
        options.put("policy", new Option("--policy", Kind.TEXT));
        options.put("maxErrorRate", new Option("--max-error-rate", Kind.NUMBER));
        options.put("maxLatencyP95", new Option("--max-latency-p95", Kind.DURATION));
        options.put("maxLatencyP95Increase", new Option("--max-latency-p95-increase", Kind.NUMBER));
        options.put("minAgreement", new Option("--min-agreement", Kind.NUMBER));
        options.put("maxPsi", new Option("--max-psi", Kind.NUMBER));
        OPTIONS = Collections.unmodifiableMap(options);
    }

    /**
     * A model server of a replay.
     *
     * @param url           where request bodies are POSTed
     * @param credentialsId the credential its {@code Authorization} header is made from, or null
     * @param headers       its own request headers, {@code Name: value}
     */
    public record Endpoint(String url, String credentialsId, List<String> headers) {
        public Endpoint {
            url = trimmed(url);
            credentialsId = trimmed(credentialsId);
            headers = headers == null ? List.of() : List.copyOf(headers);
        }
    }

    public ShadowRequest {
        requests = trimmed(requests);
        scorePointer = trimmed(scorePointer);
        decisionPointer = trimmed(decisionPointer);
        idField = trimmed(idField);
        headers = headers == null ? List.of() : List.copyOf(headers);
        baselineLog = trimmed(baselineLog);
        candidateLog = trimmed(candidateLog);
        key = trimmed(key);
        scoreColumn = trimmed(scoreColumn);
        latencyMsColumn = trimmed(latencyMsColumn);
        labels = trimmed(labels);
        labelColumn = trimmed(labelColumn);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The value, stripped; null when blank. */
    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The non-blank lines of a multi-line field, stripped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public boolean isReplay() {
        return requests != null;
    }

    /**
     * The remaining options from the fields' raw values (a Pipeline script's numbers and strings, or a
     * form's strings), converted and checked.
     *
     * @param raw field name → value; null and blank values are left out
     * @throws BadInputException naming the field whose value is not of its kind
     */
    static Map<String, String> options(String functionName, Map<String, ?> raw) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, Option> entry : OPTIONS.entrySet()) {
            Object value = raw.get(entry.getKey());
            if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
                continue;
            }
            options.put(entry.getKey(), canonical(functionName, entry.getKey(), entry.getValue().kind(), value));
        }
        for (String name : raw.keySet()) {
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("not an option field: " + name);
            }
        }
        return options;
    }

    private static String canonical(String functionName, String field, Kind kind, Object value) {
        String text = value.toString().strip();
        String where = functionName + ": " + field + ": ";
        switch (kind) {
            case WHOLE -> {
                try {
                    BigDecimal number = new BigDecimal(text);
                    return number.toBigIntegerExact().toString();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new BadInputException(where + "expected a whole number, was '" + text + "'");
                }
            }
            case NUMBER -> {
                try {
                    return new BigDecimal(text).toPlainString();
                } catch (NumberFormatException e) {
                    throw new BadInputException(where + "expected a number, was '" + text + "'");
                }
            }
            case DURATION -> {
                try {
                    Durations.parse(text);
                    return text;
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(where + e.getMessage());
                }
            }
            default -> {
                return text;
            }
        }
    }

    /** Checks which parameters go together; returns this. Messages are one line and name the parameter. */
    public ShadowRequest validated(String functionName) {
        String fn = functionName + ": ";
        boolean logs = baselineLog != null || candidateLog != null;
        if (isReplay() && logs) {
            throw new BadInputException(fn + "give either requests (replay a request log against two model servers) or "
                    + "baselineLog and candidateLog (join the prediction logs both models write), not both");
        }
        if (!isReplay() && !logs) {
            throw new BadInputException(fn + "requests or baselineLog and candidateLog: required (requests: a request log to "
                    + "replay against baseline and candidate, e.g. 'logs/requests.jsonl'; baselineLog/candidateLog: the "
                    + "prediction logs both models write, joined on key)");
        }
        if (isReplay()) {
            validateReplay(fn);
        } else {
            validateLogs(fn);
        }
        if ((labels == null) != (labelColumn == null)) {
            throw new BadInputException(fn + (labels == null ? "labelColumn goes with labels (the outcomes to join), which is not given"
                    : "labels: labelColumn is required (the outcome column, e.g. 'clicked')"));
        }
        if (options.containsKey("poll") && !follow) {
            throw new BadInputException(fn + "poll goes with follow: true (keep reading growing prediction logs)");
        }
        return this;
    }

    private void validateReplay(String fn) {
        endpoint(fn, "baseline", baseline);
        endpoint(fn, "candidate", candidate);
        checkHeaders(fn + "headers", headers);
        List<String> misplaced = new ArrayList<>();
        addIf(misplaced, follow, "follow");
        addIf(misplaced, scoreColumn != null, "scoreColumn");
        addIf(misplaced, latencyMsColumn != null, "latencyMsColumn");
        if (!misplaced.isEmpty()) {
            throw new BadInputException(fn + String.join(" and ", misplaced) + " go" + (misplaced.size() == 1 ? "es" : "")
                    + " with baselineLog and candidateLog, not with requests");
        }
    }

    private void validateLogs(String fn) {
        if (baselineLog == null || candidateLog == null) {
            throw new BadInputException(fn + (baselineLog == null ? "baselineLog" : "candidateLog")
                    + ": required with " + (baselineLog == null ? "candidateLog" : "baselineLog")
                    + " (the prediction log of each model, a file, a directory or a glob)");
        }
        if (key == null) {
            throw new BadInputException(fn + "key: required with baselineLog and candidateLog (the column both logs are "
                    + "joined on, e.g. 'request_id')");
        }
        List<String> misplaced = new ArrayList<>();
        addIf(misplaced, baseline != null, "baseline");
        addIf(misplaced, candidate != null, "candidate");
        addIf(misplaced, scorePointer != null, "scorePointer");
        addIf(misplaced, decisionPointer != null, "decisionPointer");
        addIf(misplaced, idField != null, "idField");
        addIf(misplaced, !headers.isEmpty(), "headers");
        addIf(misplaced, skipInvalid, "skipInvalid");
        addIf(misplaced, http2, "http2");
        addIf(misplaced, options.containsKey("concurrency"), "concurrency");
        addIf(misplaced, options.containsKey("rate"), "rate");
        addIf(misplaced, options.containsKey("timeout"), "timeout");
        if (!misplaced.isEmpty()) {
            throw new BadInputException(fn + String.join(", ", misplaced) + (misplaced.size() == 1 ? " goes" : " go")
                    + " with requests (a replay), not with prediction logs");
        }
    }

    private static void addIf(List<String> names, boolean condition, String name) {
        if (condition) {
            names.add(name);
        }
    }

    private static void endpoint(String fn, String role, Endpoint endpoint) {
        if (endpoint == null || endpoint.url() == null) {
            throw new BadInputException(fn + role + ": required with requests, with its url (e.g. " + role
                    + ": [url: 'http://model-" + (role.equals("baseline") ? "a" : "b") + ":8080/predict', credentialsId: '…'])");
        }
        String problem = urlProblem(endpoint.url());
        if (problem != null) {
            throw new BadInputException(fn + role + ".url: " + problem);
        }
        checkHeaders(fn + role + ".headers", endpoint.headers());
        if (endpoint.credentialsId() != null && endpoint.headers().stream().anyMatch(ShadowRequest::isAuthorization)) {
            throw new BadInputException(fn + role + ": give either credentialsId or an Authorization header, not both");
        }
    }

    private static boolean isAuthorization(String header) {
        return header.substring(0, Math.max(0, header.indexOf(':'))).strip().equalsIgnoreCase("Authorization");
    }

    private static void checkHeaders(String where, List<String> headers) {
        for (String header : headers) {
            String problem = headerProblem(header);
            if (problem != null) {
                throw new BadInputException(where + ": " + problem);
            }
        }
    }

    /** Why a header line is not {@code Name: value}, or null (shared with the form check). The value is never repeated. */
    static String headerProblem(String header) {
        int colon = header.indexOf(':');
        String name = colon < 0 ? header.strip() : header.substring(0, colon).strip();
        if (colon <= 0 || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            return "expected 'Name: value' (e.g. 'X-Tenant: acme'), got a line starting '"
                    + (name.length() > 20 ? name.substring(0, 20) + "…" : name) + "'";
        }
        return null;
    }

    /**
     * Why a server URL is not acceptable, or null (shared with the form check). A login in the URL would be
     * on the engine's command line and in the build log: it belongs in a credential; the message never repeats it.
     */
    static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "expected an http:// or https:// URL with a host, e.g. 'http://model-a:8080/predict'";
        }
        if (uri.getRawUserInfo() != null) {
            return "the URL must not hold a login; give a credential as credentialsId";
        }
        return null;
    }

    /**
     * Adds the {@code Authorization} value of each endpoint that names a credential to the engine's
     * secrets ({@link EndpointCredentials}); the command line only refers to it by name.
     */
    EngineSecrets secrets(EndpointCredentials.Lookup lookup, String functionName, Consumer<String> log) {
        EngineSecrets secrets = new EngineSecrets();
        add(secrets, EndpointCredentials.Role.BASELINE, baseline, lookup, functionName, log);
        add(secrets, EndpointCredentials.Role.CANDIDATE, candidate, lookup, functionName, log);
        return secrets;
    }

    private static void add(EngineSecrets secrets, EndpointCredentials.Role role, Endpoint endpoint, EndpointCredentials.Lookup lookup,
                            String functionName, Consumer<String> log) {
        if (endpoint != null && endpoint.credentialsId() != null) {
            EndpointCredentials.Found found = EndpointCredentials.add(secrets, role, endpoint.credentialsId(), lookup, functionName);
            log.accept(role.id() + ": Authorization from credential '" + endpoint.credentialsId() + "' ("
                    + EndpointCredentials.describe(found) + "; in the engine's secrets file as " + role.secretName() + ")");
        }
    }

    /**
     * The {@code mlcicd shadow} arguments (the engine's CLI is the request format), each written
     * {@code --name=value} so that a value starting with {@code -} stays a value. A credential appears
     * as a reference only: {@code --baseline-header=Authorization: ${MLCICD_BASELINE_AUTHORIZATION}},
     * resolved by the engine from its secrets file.
     */
    public List<String> cliArguments() {
        List<String> args = new ArrayList<>();
        args.add("shadow");
        if (isReplay()) {
            args.add("--requests=" + requests);
            args.add("--baseline-url=" + baseline.url());
            args.add("--candidate-url=" + candidate.url());
            addOption(args, "--score-pointer", scorePointer);
            addOption(args, "--decision-pointer", decisionPointer);
            addOption(args, "--id-field", idField);
            headers.forEach(header -> args.add("--header=" + header));
            endpointHeaders(args, EndpointCredentials.Role.BASELINE, baseline);
            endpointHeaders(args, EndpointCredentials.Role.CANDIDATE, candidate);
            addFlag(args, "--skip-invalid", skipInvalid);
            addFlag(args, "--http2", http2);
        } else {
            args.add("--baseline-log=" + baselineLog);
            args.add("--candidate-log=" + candidateLog);
            addOption(args, "--score", scoreColumn);
            addOption(args, "--latency-ms", latencyMsColumn);
            addFlag(args, "--follow", follow);
        }
        addOption(args, "--key", key);
        addOption(args, "--labels", labels);
        addOption(args, "--label", labelColumn);
        options.forEach((field, value) -> args.add(OPTIONS.get(field).cli() + "=" + value));
        return args;
    }

    private static void endpointHeaders(List<String> args, EndpointCredentials.Role role, Endpoint endpoint) {
        String option = "--" + role.id() + "-header=";
        endpoint.headers().forEach(header -> args.add(option + header));
        if (endpoint.credentialsId() != null) {
            args.add(option + "Authorization: ${" + role.secretName() + "}");
        }
    }

    private static void addOption(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option + "=" + value);
        }
    }

    private static void addFlag(List<String> args, String option, boolean value) {
        if (value) {
            args.add(option);
        }
    }

    /** What is compared, for the log and the action's page; credentials are named, never shown. */
    String describe() {
        if (isReplay()) {
            return "replay of " + requests + " against baseline " + describe(baseline) + " and candidate " + describe(candidate);
        }
        return "prediction logs " + baselineLog + " (baseline) and " + candidateLog + " (candidate) joined on " + key
                + (follow ? ", followed until the budget is spent" : "");
    }

    static String describe(Endpoint endpoint) {
        return endpoint.url() + (endpoint.credentialsId() == null ? "" : " (credential '" + endpoint.credentialsId() + "')");
    }
}
