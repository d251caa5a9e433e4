package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.data.FileTables;
import io.jenkins.plugins.mlcicd.eval.BootstrapResult;
import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.MetricNames;
import io.jenkins.plugins.mlcicd.eval.PairedBootstrap;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.gate.MetricTendency;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Offline quality of both models on the same requests: joins delayed outcomes (labels) to the two
 * models' scores on the request key, evaluates each model with the evaluation engine ({@code eval},
 * the one metric implementation) on exactly the same rows with the same bootstrap keys, and pairs
 * the replicates ({@link PairedBootstrap}) into an interval for every metric's difference. Adds
 * reliability (calibration) curves of both models.
 */
public final class LabelComparison {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int RELIABILITY_BINS = 10;

    /**
     * @param labels     the labels table (CSV, Parquet, JSON Lines, glob or directory)
     * @param key        key column in the labels (the request id)
     * @param label      label column (0/1 or boolean)
     * @param threshold  decision threshold of the threshold metrics
     * @param bootstrap  bootstrap replicates for the paired intervals (0: no intervals)
     * @param seed       bootstrap seed
     */
    public record Options(Path labels, String key, String label, double threshold, int bootstrap, long seed) {
    }

    /** The label comparison's part of the result document, its checks and its metrics. */
    public record Result(ObjectNode document, List<Check> checks, ObjectNode metrics) {
    }

    private LabelComparison() {
    }

    /**
     * @param db     a DuckDB connection on which {@code scores} can be read
     * @param scores a relation (table, view or subquery in parentheses) with columns
     *               {@code key} (text), {@code baseline} and {@code candidate} (scores, null when missing)
     * @param work   a directory for the joined predictions handed to the evaluation engine
     */
    public static Result compare(Connection db, String scores, Options options, Path work) {
        String labels = FileTables.scan(options.labels());
        Path baselineFile = work.resolve("labels-baseline.parquet");
        Path candidateFile = work.resolve("labels-candidate.parquet");
        ObjectNode document = JSON.objectNode();
        document.put("source", options.labels().toString());
        document.put("key", options.key());
        document.put("label", options.label());
        try (Statement st = db.createStatement()) {
            String joined = "(SELECT CAST(s.key AS VARCHAR) AS id, l." + FileTables.sqlIdentifier(options.label())
                    + " AS label, s.baseline AS baseline, s.candidate AS candidate FROM " + scores + " s JOIN "
                    + labels + " l ON CAST(s.key AS VARCHAR) = CAST(l." + FileTables.sqlIdentifier(options.key())
                    + " AS VARCHAR) WHERE s.baseline IS NOT NULL AND s.candidate IS NOT NULL AND l."
                    + FileTables.sqlIdentifier(options.label()) + " IS NOT NULL)";
            st.execute("CREATE OR REPLACE TEMP VIEW shadow_labeled AS " + joined);
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM shadow_labeled), "
                    + "(SELECT count(*) FROM " + scores + " s WHERE s.baseline IS NOT NULL AND s.candidate IS NOT NULL), "
                    + "(SELECT count(*) FROM " + labels + ")")) {
                rs.next();
                document.put("labeled", rs.getLong(1));
                document.put("compared", rs.getLong(2));
                document.put("labelRows", rs.getLong(3));
            }
            st.execute("COPY (SELECT id, label, baseline AS score FROM shadow_labeled) TO "
                    + FileTables.sqlString(baselineFile.toString()) + " (FORMAT PARQUET)");
            st.execute("COPY (SELECT id, label, candidate AS score FROM shadow_labeled) TO "
                    + FileTables.sqlString(candidateFile.toString()) + " (FORMAT PARQUET)");
            document.set("reliability", reliability(st));
        } catch (SQLException e) {
            throw new BadInputException("--labels " + options.labels() + ": " + firstLine(e.getMessage())
                    + " (key column '" + options.key() + "', label column '" + options.label() + "')");
        }
        List<Check> checks = new ArrayList<>();
        ObjectNode metrics = JSON.objectNode();
        if (document.path("labeled").asLong() == 0) {
            String why = "no compared request has a label (" + document.path("labelRows").asLong() + " label rows, "
                    + document.path("compared").asLong() + " compared requests, joined on " + options.key() + ")";
            checks.add(new Check("labels", Verdict.INCONCLUSIVE, 0.0, null, null, "> 0", why, Map.of("reason", why)));
            return new Result(document, checks, metrics);
        }
        JsonNode baseline = evaluate(baselineFile, options);
        JsonNode candidate = evaluate(candidateFile, options);
        document.set("baseline", baseline.path("metrics"));
        document.set("candidate", candidate.path("metrics"));
        ObjectNode deltas = document.putObject("deltas");
        ObjectNode baselineMetrics = metrics.putObject("baseline");
        ObjectNode candidateMetrics = metrics.putObject("candidate");
        ObjectNode deltaMetrics = metrics.putObject("delta");
        baseline.path("metrics").properties().forEach(e -> baselineMetrics.set(e.getKey(), e.getValue()));
        candidate.path("metrics").properties().forEach(e -> candidateMetrics.set(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> entry : baseline.path("metrics").properties()) {
            String metric = entry.getKey();
            if (MetricNames.COUNTS.contains(metric)) {
                continue;
            }
            checks.add(deltaCheck(metric, baseline, candidate, options, deltas, deltaMetrics));
        }
        return new Result(document, checks, metrics);
    }

    private static Check deltaCheck(String metric, JsonNode baseline, JsonNode candidate, Options options,
            ObjectNode deltas, ObjectNode deltaMetrics) {
        String name = "delta." + metric;
        JsonNode b = baseline.path("metrics").path(metric);
        JsonNode c = candidate.path("metrics").path(metric);
        ObjectNode node = deltas.putObject(metric);
        if (!b.isNumber() || !c.isNumber()) {
            String why = metric + " is undefined for " + (b.isNumber() ? "the candidate" : "the baseline") + ": "
                    + (b.isNumber() ? candidate : baseline).path("undefined").path(metric).asText("not computed");
            node.put("reason", why);
            return new Check(name, Verdict.INCONCLUSIVE, null, null, null, null, why, Map.of("reason", why));
        }
        double difference = c.asDouble() - b.asDouble();
        node.put("baseline", b.asDouble());
        node.put("candidate", c.asDouble());
        node.put("delta", difference);
        deltaMetrics.put(metric, difference);
        Optional<Boolean> higherIsBetter = MetricTendency.higherIsBetter(metric);
        if (options.bootstrap() == 0) {
            return new Check(name, Verdict.PASSED, difference, b.asDouble(), difference, null,
                    String.format(Locale.ROOT, "%s: candidate %.4f vs baseline %.4f (no interval without --bootstrap)",
                            metric, c.asDouble(), b.asDouble()), Map.of());
        }
        PairedBootstrap.Difference paired = PairedBootstrap.compare(candidate, baseline, metric, BootstrapResult.LEVEL);
        if (!paired.comparable()) {
            node.put("reason", paired.reason());
            return new Check(name, Verdict.INCONCLUSIVE, difference, b.asDouble(), difference, null,
                    metric + ": no interval: " + paired.reason(), Map.of("reason", paired.reason()));
        }
        double lower = paired.interval().lower();
        double upper = paired.interval().upper();
        node.put("lower", lower);
        node.put("upper", upper);
        node.put("level", paired.interval().level());
        boolean worse = higherIsBetter.map(higher -> higher ? upper < 0 : lower > 0).orElse(false);
        boolean better = higherIsBetter.map(higher -> higher ? lower > 0 : upper < 0).orElse(false);
        // a threshold metric that is worse is a trade-off (e.g. precision for recall): reported, and gated only
        // by a policy rule that says how much of it is acceptable; a worse ranking or probability metric warns
        boolean tradeOff = MetricNames.AT_THRESHOLD.contains(metric);
        String text = String.format(Locale.ROOT, "%s: candidate %.4f vs baseline %.4f, difference %+.4f, 95%% interval [%+.4f, %+.4f]%s",
                metric, c.asDouble(), b.asDouble(), difference, lower, upper,
                worse ? (tradeOff ? ": significantly worse at the threshold (a trade-off; a policy rule gates it)" : ": significantly worse")
                        : better ? ": significantly better" : "");
        return new Check(name, worse && !tradeOff ? Verdict.WARNING : Verdict.PASSED, difference, b.asDouble(), difference,
                tradeOff ? "reported; gated by a policy rule" : "95% interval not wholly worse", text,
                Map.of("lower", lower, "upper", upper));
    }

    private static JsonNode evaluate(Path predictions, Options options) {
        EvaluationRequest request = new EvaluationRequest(predictions, "label", "score", Task.BINARY, options.threshold(),
                List.of(), null, null, null, null, options.bootstrap(), options.seed(),
                options.bootstrap() > 0 ? "id" : null, false);
        try {
            return ResultDocumentJson.toJson(EvaluationDocument.of(Evaluator.evaluate(request), Instant.now()));
        } catch (BadInputException e) {
            throw new BadInputException("--labels " + options.labels() + ": " + e.getMessage()
                    .replace(predictions.toString(), "the labeled scores"));
        }
    }

    /** Per bin of equal width on [0, 1]: rows, mean score and observed positive rate, for both models. */
    private static ObjectNode reliability(Statement st) throws SQLException {
        ObjectNode curves = JSON.objectNode();
        for (String model : List.of("baseline", "candidate")) {
            ArrayNode bins = curves.putArray(model);
            String score = model;
            try (ResultSet rs = st.executeQuery("SELECT least(greatest(floor(" + score + " * " + RELIABILITY_BINS
                    + "), 0), " + (RELIABILITY_BINS - 1) + ") AS bin, count(*), avg(" + score + "), avg(CAST(label AS DOUBLE)) "
                    + "FROM shadow_labeled GROUP BY bin ORDER BY bin")) {
                while (rs.next()) {
                    ObjectNode bin = bins.addObject();
                    bin.put("bin", rs.getInt(1));
                    bin.put("count", rs.getLong(2));
                    bin.put("meanScore", rs.getDouble(3));
                    bin.put("positiveRate", rs.getDouble(4));
                }
            }
        }
        return curves;
    }

    private static String firstLine(String message) {
        return message == null ? "query failed" : message.lines().findFirst().orElse("query failed");
    }

    /** A fresh work directory for the joined predictions; the caller deletes it. */
    public static Path workDirectory() {
        try {
            return Files.createTempDirectory("mlcicd-shadow-labels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
