package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Durations;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a rollout plan (YAML or JSON) and validates it before any traffic moves. Every error is one
 * line: {@code plan.yaml:14:5: guardrails[1].max: expected a number, got "high"}. The tree is walked by
 * hand, as the gate's policy reader does, so that each message can say what the key means; the last
 * check is the arithmetic of the rollback promise.
 */
public final class PlanReader {
    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_ROUTER_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_ROUTER_ATTEMPTS = 3;
    static final int DEFAULT_ROLLBACK_ATTEMPTS = 5;
    static final double DEFAULT_ALPHA = 0.05;
    static final int DEFAULT_MIN_SAMPLES = 5;

    private static final List<String> TOP = List.of("stages", "interval", "router", "rollback", "metrics", "slices",
            "guardrails", "failureLimit", "noData", "rollbackWithin");
    private static final List<String> STAGE = List.of("weight", "duration");
    private static final List<String> ROUTER = List.of("command", "http", "timeout", "attempts");
    private static final List<String> HTTP = List.of("url", "method", "body", "credentialsId");
    private static final List<String> METRICS = List.of("prometheus");
    private static final List<String> PROMETHEUS = List.of("url", "credentialsId", "timeout");
    private static final List<String> METHODS = List.of("PUT", "POST", "PATCH");
    private static final List<String> GUARDRAIL = List.of("name", "query", "min", "max", "maxIncrease", "maxDecrease",
            "maxRelativeIncrease", "maxRelativeDecrease", "judge", "alpha", "minSamples");

    private final String source;
    private final String text;
    private KeyLocations locations;

    private PlanReader(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** Reads and validates a plan file. */
    public static CanaryPlan read(Path file) {
        return parse(file.toString(), StructuredFiles.readText(file));
    }

    /** Parses and validates plan text from {@code source} (a file name; {@code .json} selects JSON). */
    public static CanaryPlan parse(String source, String text) {
        JsonNode root = StructuredFiles.parseTree(source, text);
        return new PlanReader(source, text).plan(root);
    }

    /** Validates an already-parsed plan (e.g. a Pipeline step's inline map); errors have key paths only. */
    public static CanaryPlan fromTree(String source, JsonNode root) {
        PlanReader reader = new PlanReader(source, null);
        reader.locations = KeyLocations.none();
        return reader.plan(root);
    }

    private CanaryPlan plan(JsonNode root) {
        object("", root, TOP);
        List<Stage> stages = stages(required("", root, "stages"));
        Duration interval = duration("interval", required("", root, "interval"), false);
        RouterSpec router = router("router", required("", root, "router"), DEFAULT_ROUTER_ATTEMPTS);
        RouterSpec rollback = root.has("rollback")
                ? router("rollback", root.get("rollback"), DEFAULT_ROLLBACK_ATTEMPTS)
                : new RouterSpec(router.command(), router.http(), router.timeout(), DEFAULT_ROLLBACK_ATTEMPTS);
        PrometheusSpec prometheus = metrics(required("", root, "metrics"));
        List<String> slices = root.has("slices") ? slices(root.get("slices")) : List.of();
        List<Guardrail> guardrails = guardrails(required("", root, "guardrails"), slices);
        int failureLimit = root.has("failureLimit") ? integer("failureLimit", root.get("failureLimit"), 0, 1000) : 1;
        NoData noData = root.has("noData") ? noData(root.get("noData")) : NoData.FAIL;
        Duration within = duration("rollbackWithin", required("", root, "rollbackWithin"), false);
        CanaryPlan plan = new CanaryPlan(stages, interval, router, rollback, prometheus, slices, guardrails,
                failureLimit, noData, within, digest(root));
        Duration worst = plan.worstCaseRollback();
        if (worst.compareTo(within) > 0) {
            throw bad("rollbackWithin", "the promise cannot be kept: interval × (failureLimit + 1) + query timeout"
                    + " + rollback timeout = " + seconds(interval) + " × " + (failureLimit + 1) + " + "
                    + seconds(plan.queryTimeout()) + " + " + seconds(rollback.timeout()) + " = " + seconds(worst)
                    + " > " + seconds(within) + "; shorten interval or the timeouts, lower failureLimit,"
                    + " or allow a longer rollbackWithin");
        }
        return plan;
    }

    private List<Stage> stages(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw bad("stages", "expected a non-empty list of stages ({weight: 5, duration: 30m}), got " + describe(node));
        }
        List<Stage> stages = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = "stages[" + i + "]";
            JsonNode stage = node.get(i);
            object(path, stage, STAGE);
            int weight = integer(path + ".weight", required(path, stage, "weight"), 1, 100);
            if (weight <= previous) {
                throw bad(path + ".weight", "weights must increase: " + weight + " after " + previous);
            }
            previous = weight;
            boolean last = i == node.size() - 1;
            Duration duration = null;
            if (stage.has("duration")) {
                duration = duration(path + ".duration", stage.get("duration"), false);
            } else if (!last) {
                throw bad(path, "missing key 'duration': only the last stage may omit it (it then promotes at once)");
            }
            stages.add(new Stage(weight, duration));
        }
        return stages;
    }

    private RouterSpec router(String path, JsonNode node, int defaultAttempts) {
        object(path, node, ROUTER);
        boolean hasCommand = node.has("command");
        boolean hasHttp = node.has("http");
        if (hasCommand == hasHttp) {
            throw bad(path, "give exactly one of 'command' (a list: program and arguments) or 'http' ({url, method, body})");
        }
        Duration timeout = node.has("timeout") ? duration(path + ".timeout", node.get("timeout"), false) : DEFAULT_ROUTER_TIMEOUT;
        int attempts = node.has("attempts") ? integer(path + ".attempts", node.get("attempts"), 1, 100) : defaultAttempts;
        if (hasCommand) {
            JsonNode command = node.get("command");
            if (!command.isArray() || command.isEmpty()) {
                throw bad(path + ".command", "expected a non-empty list: the program and its arguments (no shell), got " + describe(command));
            }
            List<String> argv = new ArrayList<>();
            for (int i = 0; i < command.size(); i++) {
                argv.add(string(path + ".command[" + i + "]", command.get(i), true));
            }
            return new RouterSpec(argv, null, timeout, attempts);
        }
        String httpPath = path + ".http";
        JsonNode http = node.get("http");
        object(httpPath, http, HTTP);
        String url = url(httpPath + ".url", required(httpPath, http, "url"));
        String method = http.has("method") ? string(httpPath + ".method", http.get("method"), false).toUpperCase(Locale.ROOT) : "PUT";
        if (!METHODS.contains(method)) {
            throw bad(httpPath + ".method", "'" + method + "' is not one of " + String.join(", ", METHODS));
        }
        String body = http.has("body") ? string(httpPath + ".body", http.get("body"), true) : null;
        String credentials = http.has("credentialsId") ? string(httpPath + ".credentialsId", http.get("credentialsId"), false) : null;
        return new RouterSpec(null, new HttpCall(url, method, body, credentials), timeout, attempts);
    }

    private PrometheusSpec metrics(JsonNode node) {
        object("metrics", node, METRICS);
        JsonNode prometheus = required("metrics", node, "prometheus");
        object("metrics.prometheus", prometheus, PROMETHEUS);
        String url = url("metrics.prometheus.url", required("metrics.prometheus", prometheus, "url"));
        String credentials = prometheus.has("credentialsId")
                ? string("metrics.prometheus.credentialsId", prometheus.get("credentialsId"), false) : null;
        Duration timeout = prometheus.has("timeout")
                ? duration("metrics.prometheus.timeout", prometheus.get("timeout"), false) : DEFAULT_QUERY_TIMEOUT;
        return new PrometheusSpec(url, credentials, timeout);
    }

    private List<String> slices(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw bad("slices", "expected a non-empty list of slice values, got " + describe(node));
        }
        List<String> slices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String slice = node.get(i).isValueNode() && !node.get(i).isNull() ? node.get(i).asText() : null;
            if (slice == null || slice.isBlank()) {
                throw bad("slices[" + i + "]", "expected a slice value, got " + describe(node.get(i)));
            }
            if (!seen.add(slice)) {
                throw bad("slices[" + i + "]", "slice '" + slice + "' is listed twice");
            }
            slices.add(slice);
        }
        return slices;
    }

    private List<Guardrail> guardrails(JsonNode node, List<String> slices) {
        if (!node.isArray() || node.isEmpty()) {
            throw bad("guardrails", "expected a non-empty list: a rollout without guardrails would promote anything");
        }
        List<Guardrail> guardrails = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "guardrails[" + i + "]";
            JsonNode g = node.get(i);
            object(path, g, GUARDRAIL);
            String name = string(path + ".name", required(path, g, "name"), false);
            if (!names.add(name)) {
                throw bad(path + ".name", "guardrail '" + name + "' is defined twice");
            }
            String query = string(path + ".query", required(path, g, "query"), false);
            if (query.contains("${SLICE}") && slices.isEmpty()) {
                throw bad(path + ".query", "uses ${SLICE} but the plan has no 'slices'");
            }
            Double min = number(path, g, "min", false);
            Double max = number(path, g, "max", false);
            Double maxIncrease = number(path, g, "maxIncrease", true);
            Double maxDecrease = number(path, g, "maxDecrease", true);
            Double maxRelativeIncrease = number(path, g, "maxRelativeIncrease", true);
            Double maxRelativeDecrease = number(path, g, "maxRelativeDecrease", true);
            boolean mannWhitney = false;
            if (g.has("judge")) {
                String judge = string(path + ".judge", g.get("judge"), false);
                if (!judge.equals("mann-whitney") && !judge.equals("threshold")) {
                    throw bad(path + ".judge", "'" + judge + "' is not one of threshold, mann-whitney");
                }
                mannWhitney = judge.equals("mann-whitney");
            }
            if (min == null && max == null && maxIncrease == null && maxDecrease == null
                    && maxRelativeIncrease == null && maxRelativeDecrease == null) {
                throw bad(path, "guardrail '" + name + "' has no bound: give min, max, maxIncrease, maxDecrease,"
                        + " maxRelativeIncrease or maxRelativeDecrease");
            }
            if (min != null && max != null && min > max) {
                throw bad(path, "min " + min + " is greater than max " + max + ": no value can pass");
            }
            boolean up = max != null || maxIncrease != null || maxRelativeIncrease != null;
            boolean down = min != null || maxDecrease != null || maxRelativeDecrease != null;
            if (mannWhitney && up == down) {
                throw bad(path + ".judge", "mann-whitney needs one bad direction: bound the guardrail from above"
                        + " (max, maxIncrease, maxRelativeIncrease) or from below (min, maxDecrease, maxRelativeDecrease), not both");
            }
            Double alpha = number(path, g, "alpha", false);
            if (alpha != null && (alpha <= 0 || alpha >= 0.5)) {
                throw bad(path + ".alpha", "expected a significance level in (0, 0.5), got " + alpha);
            }
            int minSamples = g.has("minSamples") ? integer(path + ".minSamples", g.get("minSamples"), 3, 100_000) : DEFAULT_MIN_SAMPLES;
            guardrails.add(new Guardrail(name, query, min, max, maxIncrease, maxDecrease, maxRelativeIncrease,
                    maxRelativeDecrease, mannWhitney, alpha == null ? DEFAULT_ALPHA : alpha, minSamples));
        }
        return guardrails;
    }

    private NoData noData(JsonNode node) {
        String word = string("noData", node, false);
        for (NoData mode : NoData.values()) {
            if (mode.word().equals(word)) {
                return mode;
            }
        }
        throw bad("noData", "'" + word + "' is not one of fail, inconclusive, ignore");
    }

    // ---- primitives

    private void object(String path, JsonNode node, List<String> known) {
        if (node == null || !node.isObject()) {
            throw bad(path, "expected a mapping, got " + describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String keyPath = path.isEmpty() ? key : path + "." + key;
                throw bad(keyPath, "unknown key '" + key + "' (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    private JsonNode required(String path, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw bad(path, "missing key '" + key + "'");
        }
        return value;
    }

    private Duration duration(String path, JsonNode node, boolean zeroAllowed) {
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw bad(path, "expected a duration such as 30s, 5m, 2h, got " + describe(node));
        }
        Duration value;
        try {
            value = Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
        if (!zeroAllowed && value.isZero()) {
            throw bad(path, "must be longer than zero");
        }
        return value;
    }

    /**
     * The one URL rule of a plan: http or https, a host, a port in range, no user or password (they would be
     * shown wherever the URL is: credentials go in credentialsId). {@code ${WEIGHT}} may appear in a router URL.
     */
    private String url(String path, JsonNode node) {
        String url = string(path, node, false);
        java.net.URI uri;
        try {
            uri = new java.net.URI(url.replace("${WEIGHT}", "0"));
        } catch (java.net.URISyntaxException e) {
            throw bad(path, "'" + url + "' is not a URL: " + e.getReason().toLowerCase(Locale.ROOT) + " at character " + (e.getIndex() + 1));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(path, "expected an http:// or https:// URL, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(path, "'" + url + "' has no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw bad(path, "'" + url + "': port " + uri.getPort() + " is not in 1..65535");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(path, "a user or password in the URL would be shown wherever the URL is;"
                    + " name a secret with credentialsId instead");
        }
        return url;
    }

    private int integer(String path, JsonNode node, int min, int max) {
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw bad(path, "expected a whole number in " + min + ".." + max + ", got " + describe(node));
        }
        return node.asInt();
    }

    private Double number(String path, JsonNode node, String key, boolean nonNegative) {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw bad(path + "." + key, "expected a number, got " + describe(value));
        }
        if (nonNegative && value.asDouble() < 0) {
            throw bad(path + "." + key, "expected a tolerance of 0 or more, got " + value.asText());
        }
        return value.asDouble();
    }

    private String string(String path, JsonNode node, boolean emptyAllowed) {
        if (node == null || !node.isTextual() && !node.isNumber()) {
            throw bad(path, "expected a string, got " + describe(node));
        }
        String value = node.asText();
        if (!emptyAllowed && value.isBlank()) {
            throw bad(path, "must not be empty");
        }
        return value;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        String text = node.isTextual() ? '"' + node.asText() + '"' : node.asText();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private BadInputException bad(String path, String message) {
        if (locations == null) {
            locations = text == null ? KeyLocations.none() : KeyLocations.of(source, text);
        }
        String at = locations.find(path);
        return new BadInputException(source + (at == null ? "" : ":" + at) + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static String digest(JsonNode root) {
        try {
            byte[] canonical = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(root);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the plan", e);
        }
    }
}
