package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Candidate or baseline metrics. Two forms are read:
 * <ul>
 * <li>a result document (DESIGN.md §3): its {@code metrics} object and its {@code slices}
 *     object (slice name → {metric → number, {@code count}: rows}), or a {@code slices} list of
 *     {@code {name, count, metrics}};</li>
 * <li>a plain JSON object of metric name → number, as a training script writes it; a top-level
 *     {@code slices} object, if any, holds per-slice metrics as above.</li>
 * </ul>
 * Both forms may carry a top-level {@code bootstrap} object, the replicate values of an evaluation
 * run with {@code --bootstrap} ({@code mlcicd evaluate}); it is kept as written, for rules with
 * {@code confidence} (paired comparisons), and written back by {@link #toJson}.
 * Nested objects are flattened with dots ({@code {"eval": {"auc": 0.9}}} is {@code eval.auc}).
 * Values are kept as written: whether a value the gate needs is a number is decided when it is
 * looked up, so a string elsewhere in a training script's output (a model name) does no harm.
 * {@code null}, NaN (the literal Python writes, or the string {@code "NaN"}) read as missing.
 */
public final class MetricsDocument {
    private static final String COUNT = "count";
    /**
     * The evaluation document's bootstrap section (method, seed, samples, ...); never a metric
     * name, since {@link #toJson} writes the section under it.
     */
    static final String BOOTSTRAP = "bootstrap";
    /** The whole population when listed among the slices; in a rule's slice list, the top-level metrics. */
    static final String OVERALL = "overall";

    private final String source;
    /** Flattened top-level metrics: dotted name → leaf value (never an object). */
    private final Map<String, Leaf> metrics;
    private final Map<String, Slice> slices;
    /** The bootstrap section as written (never mutated after construction), or null. */
    private final ObjectNode bootstrap;

    /**
     * A leaf value and where it was in the source file, for messages.
     *
     * @param note why a missing value is missing, when the document says so (its {@code undefined} object)
     */
    record Leaf(JsonNode value, String path, String note) {
        Leaf(JsonNode value, String path) {
            this(value, path, null);
        }
    }

    /**
     * One slice: its rows ({@code count}, null when not given) and its flattened metrics
     * (which include {@code count}, so that a rule may bound slice sizes).
     */
    record Slice(String name, Long count, Map<String, Leaf> metrics) {
    }

    private MetricsDocument(String source, Map<String, Leaf> metrics, Map<String, Slice> slices, ObjectNode bootstrap) {
        this.source = source;
        this.bootstrap = bootstrap;
        this.metrics = Collections.unmodifiableMap(metrics);
        slices.replaceAll((name, slice) -> new Slice(name, slice.count(), Collections.unmodifiableMap(slice.metrics())));
        this.slices = Collections.unmodifiableMap(slices);
    }

    public static MetricsDocument read(Path file) {
        return parse(file.toString(), StructuredFiles.readMetricsText(file, file.toString()));
    }

    /** Parses metrics text; JSON (by name {@code .json} or by content) or YAML. */
    public static MetricsDocument parse(String source, String text) {
        Objects.requireNonNull(source, "source");
        if (text.isBlank()) {
            throw new BadInputException(source + ": file is empty");
        }
        return fromTree(source, tree(source, text));
    }

    private static JsonNode tree(String source, String text) {
        return StructuredFiles.parseMetricsTree(source, text);
    }

    static MetricsDocument fromTree(String source, JsonNode root) {
        if (!root.isObject()) {
            throw new BadInputException(source + ": expected a JSON object of metric name → number, got "
                    + JsonValues.describe(root));
        }
        Map<String, Leaf> metrics = new LinkedHashMap<>();
        JsonNode sliceNode;
        if (ResultDocumentJson.isResultDocument(root)) {
            JsonNode metricsNode = root.get("metrics");
            sliceNode = root.get("slices");
            if (metricsNode == null && sliceNode == null) {
                throw new BadInputException(source + ": result document of kind '" + root.path("kind").asText("?")
                        + "' has neither 'metrics' nor 'slices' to gate on");
            }
            if (metricsNode != null) {
                if (!metricsNode.isObject()) {
                    throw new BadInputException(source + ": metrics: expected an object of metric name → number, got "
                            + JsonValues.describe(metricsNode));
                }
                flatten(source, "metrics", "", metricsNode, metrics);
            }
        } else {
            sliceNode = root.get("slices");
            ObjectNode withoutSlices = ((ObjectNode) root).deepCopy();
            withoutSlices.remove("slices");
            withoutSlices.remove(BOOTSTRAP);
            flatten(source, "", "", withoutSlices, metrics);
        }
        if (metrics.containsKey("slices")) {
            // A plain document's top-level "slices" holds the per-slice metrics, so toJson could not write this back.
            throw new BadInputException(source + ": " + metrics.get("slices").path()
                    + ": 'slices' is reserved for per-slice metrics; rename the metric");
        }
        if (metrics.containsKey(BOOTSTRAP)) {
            throw new BadInputException(source + ": " + metrics.get(BOOTSTRAP).path()
                    + ": 'bootstrap' is reserved for bootstrap replicates; rename the metric");
        }
        // A result document's other fields belong to its kind; only a plain document reserves the key.
        JsonNode bootstrapNode = root.get(BOOTSTRAP);
        ObjectNode bootstrap = ResultDocumentJson.isResultDocument(root) && bootstrapNode != null && !bootstrapNode.isObject()
                ? null : bootstrap(source, bootstrapNode);
        Map<String, Slice> slices = slices(source, sliceNode);
        if (ResultDocumentJson.isResultDocument(root)) {
            undefined(root.get("undefined"), metrics, slices);
        }
        Slice overall = slices.remove(OVERALL);
        if (overall != null) {
            // `mlcicd evaluate` lists the whole population as a slice "overall" next to the real slices.
            // It is not a slice for all/top:N (it would always be the largest); what it adds (its count)
            // joins the top-level metrics, which win where both have a value.
            overall.metrics().forEach(metrics::putIfAbsent);
        }
        return new MetricsDocument(source, metrics, slices, bootstrap);
    }

    /**
     * The bootstrap section, copied as written: whether two documents pair up (same method, seed,
     * rows) is decided by {@code eval.PairedBootstrap} when a rule asks, not here.
     */
    private static ObjectNode bootstrap(String source, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new BadInputException(source + ": " + BOOTSTRAP + ": expected the bootstrap replicates of an evaluation "
                    + "(an object with method, seed, samples, ...), got " + JsonValues.describe(node));
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        // Python writes an undefined replicate as NaN, the engine as null: one form, so that NaN never
        // reaches the percentiles and toJson (which would write the string "NaN") reads back identically.
        JsonNode samples = copy.get("samples");
        if (samples != null && samples.isObject()) {
            samples.forEach(values -> {
                if (values instanceof ArrayNode array) {
                    for (int r = 0; r < array.size(); r++) {
                        if (array.get(r).isNumber() && Double.isNaN(array.get(r).asDouble())) {
                            array.set(r, JsonNodeFactory.instance.nullNode());
                        }
                    }
                }
            });
        }
        return copy;
    }

    /**
     * A result document may say why a metric has no value ({@code "undefined": {"auc": "only one class",
     * "auc[country=NL]": "no rows"}}); such a metric reads as missing with that reason. A metric
     * that has a value keeps it.
     */
    private static void undefined(JsonNode node, Map<String, Leaf> metrics, Map<String, Slice> slices) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                return;
            }
            String key = entry.getKey();
            String reason = entry.getValue().asText();
            Leaf leaf = new Leaf(JsonNodeFactory.instance.nullNode(), "undefined." + key, reason);
            int bracket = key.indexOf('[');
            if (bracket > 0 && key.endsWith("]")) {
                Slice slice = slices.get(key.substring(bracket + 1, key.length() - 1));
                if (slice != null) {
                    slice.metrics().putIfAbsent(key.substring(0, bracket), leaf);
                }
            } else {
                metrics.putIfAbsent(key, leaf);
            }
        });
    }

    private static Map<String, Slice> slices(String source, JsonNode node) {
        Map<String, Slice> slices = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return slices;
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String path = "slices." + entry.getKey();
                if (!entry.getValue().isObject()) {
                    throw new BadInputException(source + ": " + path + ": expected an object of metric name → number, got "
                            + JsonValues.describe(entry.getValue()));
                }
                slices.put(entry.getKey(), slice(source, path, entry.getKey(), entry.getValue()));
            });
            return slices;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = "slices[" + i + "]";
                JsonNode item = node.get(i);
                JsonNode name = item.get("name");
                if (!item.isObject() || name == null || !name.isTextual() || !(item.get("metrics") instanceof ObjectNode)) {
                    throw new BadInputException(source + ": " + path + ": expected {name, count, metrics}");
                }
                ObjectNode sliceMetrics = ((ObjectNode) item.get("metrics")).deepCopy();
                if (item.has(COUNT)) {
                    if (sliceMetrics.has(COUNT)) {
                        throw new BadInputException(source + ": " + path + ": count given twice");
                    }
                    sliceMetrics.set(COUNT, item.get(COUNT));
                }
                if (slices.containsKey(name.asText())) {
                    throw new BadInputException(source + ": " + path + ": slice '" + name.asText() + "' appears twice");
                }
                slices.put(name.asText(), slice(source, path + ".metrics", name.asText(), sliceMetrics));
            }
            return slices;
        }
        throw new BadInputException(source + ": slices: expected an object of slice name → metrics, got "
                + JsonValues.describe(node));
    }

    private static Slice slice(String source, String path, String name, JsonNode node) {
        Map<String, Leaf> metrics = new LinkedHashMap<>();
        flatten(source, path, "", node, metrics);
        Long count = null;
        Leaf countLeaf = metrics.get(COUNT);
        if (countLeaf != null && !countLeaf.value().isNull()) {
            JsonNode value = countLeaf.value();
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0
                    || value.asDouble() != Math.rint(value.asDouble())) {
                throw new BadInputException(source + ": " + countLeaf.path() + ": expected the slice's row count "
                        + "(a whole number ≥ 0), got " + JsonValues.describe(value));
            }
            count = value.asLong();
        }
        return new Slice(name, count, metrics);
    }

    /** Flattens nested objects into dotted names; a name written both ways is an error, not a silent overwrite. */
    private static void flatten(String source, String path, String prefix, JsonNode node, Map<String, Leaf> into) {
        node.properties().forEach(entry -> {
            String name = prefix + entry.getKey();
            String where = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(source, where, name + ".", value, into);
                return;
            }
            Leaf previous = into.put(name, new Leaf(normalized(value), where));
            if (previous != null) {
                throw new BadInputException(source + ": " + where + ": metric '" + name + "' is also given as "
                        + previous.path() + "; write it once");
            }
        });
    }

    /**
     * Non-finite numbers in one canonical form, so that {@link #toJson} reads back identically:
     * NaN as the string {@code "NaN"} (Jackson writes NaN that way), ±Infinity as numbers.
     */
    private static JsonNode normalized(JsonNode value) {
        if (value.isNumber() && Double.isNaN(value.asDouble())) {
            return JsonNodeFactory.instance.textNode("NaN");
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "Infinity", "+Infinity", "inf", "+inf" -> {
                    return DoubleNode.valueOf(Double.POSITIVE_INFINITY);
                }
                case "-Infinity", "-inf" -> {
                    return DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
                }
                case "nan", "NaN", "NAN" -> {
                    return JsonNodeFactory.instance.textNode("NaN");
                }
                default -> {
                    return value;
                }
            }
        }
        return value;
    }

    public String source() {
        return source;
    }

    /** Names of the top-level metrics, in document order. */
    public List<String> metricNames() {
        return List.copyOf(metrics.keySet());
    }

    /** Names of the slices, in document order. */
    public List<String> sliceNames() {
        return List.copyOf(slices.keySet());
    }

    Map<String, Leaf> metrics() {
        return metrics;
    }

    Optional<Slice> slice(String name) {
        return Optional.ofNullable(slices.get(name));
    }

    List<Slice> slices() {
        return List.copyOf(slices.values());
    }

    /** Whether the document carries bootstrap replicates ({@code mlcicd evaluate --bootstrap}). */
    public boolean hasBootstrap() {
        return bootstrap != null;
    }

    /**
     * The document as {@code eval.PairedBootstrap} reads an evaluation: {@code metrics} with the
     * given point estimate of {@code metric}, and the {@code bootstrap} section when there is one.
     */
    JsonNode pairingView(String metric, double value) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.putObject("metrics").put(metric, value);
        if (bootstrap != null) {
            view.set(BOOTSTRAP, bootstrap);
        }
        return view;
    }

    /**
     * Canonical JSON that {@link #parse} reads back identically: a plain object of flattened
     * metrics plus a {@code slices} object when there are slices and the {@code bootstrap} section
     * when there is one (so that a stored candidate can be the next build's paired baseline).
     */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        metrics.forEach((name, leaf) -> root.set(name, leaf.value()));
        if (!slices.isEmpty()) {
            ObjectNode sliceNodes = root.putObject("slices");
            slices.forEach((name, slice) -> {
                ObjectNode sliceNode = sliceNodes.putObject(name);
                slice.metrics().forEach((metric, leaf) -> sliceNode.set(metric, leaf.value()));
            });
        }
        if (bootstrap != null) {
            root.set(BOOTSTRAP, bootstrap);
        }
        try {
            return Json.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metrics of " + source, e);
        }
    }

    /** Same metrics, slices and bootstrap section (the source is not compared). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MetricsDocument that
                && values(metrics).equals(values(that.metrics))
                && sliceValues().equals(that.sliceValues())
                && Objects.equals(bootstrap, that.bootstrap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values(metrics), sliceValues(), bootstrap);
    }

    private static Map<String, JsonNode> values(Map<String, Leaf> leaves) {
        return leaves.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value()));
    }

    private Map<String, Map<String, JsonNode>> sliceValues() {
        return slices.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> values(e.getValue().metrics())));
    }

    @Override
    public String toString() {
        return "MetricsDocument[" + source + ": " + metrics.size() + " metrics, " + slices.size() + " slices"
                + (bootstrap == null ? "" : ", bootstrap") + "]";
    }
}
