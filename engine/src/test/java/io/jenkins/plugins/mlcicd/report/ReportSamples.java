package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One sample result document per kind {@link HtmlReport} renders, every user-controlled string in it
 * (column, category, slice, model and metric names, paths, messages) taken from a corpus of hostile
 * strings, so that the browser test can check each renders as text and nothing runs. Add a kind:
 * add a case to {@link #sample} (the test fails for a kind without one).
 */
final class ReportSamples {
    /** Set by any of the payloads if it ever runs. */
    static final String FLAG = "__mlcicdPwned";
    /** What a person may name things; each must come out as visible text, and none may run. */
    static final List<String> HOSTILE = List.of(
            "<script>window." + FLAG + "=1</script>",
            "\"><img src=x onerror=\"window." + FLAG + "=2\">",
            "javascript:window." + FLAG + "=3",
            "' onmouseover='window." + FLAG + "=4' x='",
            "<svg onload=window." + FLAG + "=5>",
            "auc\u202E rof",
            "</title><script>window." + FLAG + "=6</script>");
    private static final Instant WHEN = Instant.parse("2026-12-07T04:00:00Z");

    private ReportSamples() {
    }

    static String hostile(int i) {
        return HOSTILE.get(Math.floorMod(i, HOSTILE.size()));
    }

    /** The sample of {@code kind}; {@code work} holds any files it needs. */
    static ResultDocument sample(ResultKind kind, Path work) {
        return switch (kind) {
            case DATA_VALIDATION -> dataValidation();
            case TRAINING -> training();
            case EVALUATION -> evaluation(work, 11, 0.0);
            case GATE -> gate();
            case SHADOW, CANARY, PROMOTION -> generic(kind);
        };
    }

    /** A second evaluation, of a weaker model, for the comparison report. */
    static ResultDocument referenceEvaluation(Path work) {
        return evaluation(work, 12, 0.6);
    }

    static ResultDocument dataValidation() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("dataset", hostile(0));
        f.put("data", "data/" + hostile(1) + ".csv");
        f.put("contract", hostile(2));
        f.put("reference", "data/reference.parquet");
        ArrayNode columns = f.putArray("columns");
        ObjectNode binary = columns.addObject();
        binary.put("name", "is_fraud");
        binary.put("type", "BIGINT");
        ObjectNode h = binary.putObject("histogram");
        array(h.putArray("edges"), 0, 0, 0, 0, 0, 0, 0, 0, 1);
        array(h.putArray("reference"), 0, 0, 0, 0, 0, 0, 0, 0, 910, 90);
        array(h.putArray("current"), 0, 0, 0, 0, 0, 0, 0, 0, 850, 150);
        ObjectNode amount = columns.addObject();
        amount.put("name", hostile(3));
        amount.put("type", "DOUBLE");
        h = amount.putObject("histogram");
        array(h.putArray("edges"), 3.5, 7.25, 12, 18.5, 25, 40, 61.5, 99.99, 250);
        array(h.putArray("reference"), 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        array(h.putArray("current"), 80, 90, 100, 110, 100, 100, 100, 100, 120, 100);
        ObjectNode category = columns.addObject();
        category.put("name", hostile(4));
        category.put("type", "VARCHAR");
        ArrayNode categories = category.putArray("categories");
        for (int i = 0; i < HOSTILE.size(); i++) {
            categories.addObject().put("value", hostile(i)).put("reference", 100 - 10 * i).put("current", 90 - 5 * i);
        }
        category.put("referenceCount", 1000);
        category.put("currentCount", 1000);
        List<Check> checks = List.of(
                Check.of("is_fraud.nulls", Verdict.PASSED, 0.0, null, "no nulls"),
                new Check(hostile(3) + ".range", Verdict.FAILED, 3.0, null, null, "[0, 10000]",
                        "3 values out of range " + hostile(5), Map.of("samples", List.of(
                                Map.of("row", 17, "value", hostile(0)), Map.of("rows", List.of(3, 4), "value", hostile(1), "why", hostile(2))))),
                new Check(hostile(4) + ".drift", Verdict.WARNING, 0.21, null, null, "< 0.2", "drift: psi 0.21 ≥ 0.2",
                        Map.of("method", "psi")));
        return new ResultDocument(ResultKind.DATA_VALIDATION, Verdict.FAILED, "2 of 3 checks failed on " + hostile(1), WHEN, 840,
                checks, f);
    }

    static ResultDocument training() {
        ObjectNode f = Json.mapper().createObjectNode();
        ObjectNode code = f.putObject("code");
        code.put("commit", "0123456789abcdef0123456789abcdef01234567");
        code.put("branch", hostile(0));
        code.put("dirty", false);
        code.put("remote", hostile(2));
        ArrayNode data = f.putArray("data");
        data.addObject().put("path", hostile(1)).put("snapshotId", "sha256:" + "ab".repeat(32)).put("files", 3).put("bytes", 123456);
        ObjectNode params = f.putObject("params");
        params.put(hostile(4), hostile(3));
        params.put("learning_rate", "0.1");
        ObjectNode metrics = f.putObject("metrics");
        metrics.put(hostile(5), 0.1);
        metrics.put("auc", 0.912);
        f.putObject("model").put("path", "model/" + hostile(6)).put("sha256", "cd".repeat(32)).put("bytes", 2048);
        f.putObject("environment").put("os", "Linux").put("arch", "amd64").put("cpus", 2).put("java", "17").put("python", "3.11.2");
        f.put("command", "python train.py --name '" + hostile(0) + "'");
        f.put("exitCode", 0);
        f.putArray("logTail").add("epoch 1 " + hostile(1)).add("done");
        ObjectNode registry = f.putObject("registry");
        registry.put("name", hostile(2));
        registry.put("version", 3);
        registry.put("location", "file:registry");
        registry.putArray("aliasMoves").addObject().put("alias", hostile(3)).put("toVersion", 3).put("actor", hostile(4))
                .put("reason", hostile(5));
        List<Check> checks = List.of(Check.of("training.exit_code", Verdict.PASSED, 0.0, null, "the command exited with 0"),
                Check.of("metric." + hostile(5), Verdict.PASSED, 0.1, null, hostile(5) + " = 0.1"));
        return new ResultDocument(ResultKind.TRAINING, Verdict.PASSED, "trained " + hostile(2) + " version 3", WHEN, 61_000, checks, f);
    }

    /**
     * A real evaluation of generated predictions (binary, slices by a column whose values are the
     * hostile strings, fairness, bootstrap): the document the CLI and the step write.
     */
    static ResultDocument evaluation(Path work, long seed, double noise) {
        Path file = work.resolve("predictions-" + seed + ".csv");
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("row_id,y,p,segment,age_band\n");
        for (int i = 0; i < 600; i++) {
            int y = random.nextDouble() < 0.3 ? 1 : 0;
            double p = 1 / (1 + Math.exp(-((y == 1 ? 1.3 : -1.3) * (1 - noise) + random.nextGaussian())));
            String segment = hostile(i % HOSTILE.size()).replace("\"", "\"\"");
            csv.append(i).append(',').append(y).append(',').append(String.format(java.util.Locale.ROOT, "%.4f", p))
                    .append(",\"").append(segment).append("\",").append(i % 3 == 0 ? "<30" : "30+").append('\n');
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvaluationRequest request = new EvaluationRequest(file, "y", "p", Task.BINARY, 0.5, List.of("segment"), null,
                "age_band", null, null, 50, 7, "row_id", false);
        return EvaluationDocument.of(Evaluator.evaluate(request), Instant.now());
    }

    static ResultDocument gate() {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("policy", "policies/" + hostile(0) + ".yaml");
        f.put("candidate", "out/" + hostile(1) + ".json");
        f.putObject("baseline").put("source", "build #41 " + hostile(2));
        f.put("onInconclusive", "WARNING");
        f.putObject("counts").put("passed", 1).put("failed", 1).put("inconclusive", 1);
        List<Check> checks = List.of(
                new Check("auc", Verdict.PASSED, 0.912, 0.905, 0.007, "≥ 0.9", "auc 0.912 ≥ 0.9", Map.of()),
                // The metric name with U+202E that used to show the threshold 0.1 as "1.0".
                new Check(hostile(5), Verdict.FAILED, 0.3, 0.05, 0.25, "≤ 0.1", hostile(5) + " 0.3 > 0.1", Map.of()),
                new Check(hostile(0) + "[" + hostile(1) + "]", Verdict.INCONCLUSIVE, null, null, null, "≥ 0.8",
                        "metric missing: " + hostile(6), Map.of("reason", "missing")));
        return new ResultDocument(ResultKind.GATE, Verdict.FAILED, "1 of 3 rules failed: " + hostile(5), WHEN, 12, checks, f);
    }

    /** Kinds without a renderer of their own yet: the generic report, still with hostile names. */
    static ResultDocument generic(ResultKind kind) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("model", hostile(2));
        Map<String, Object> none = new LinkedHashMap<>();
        List<Check> checks = List.of(
                new Check(hostile(3), Verdict.WARNING, 0.5, 0.4, 0.1, "≤ 0.45", hostile(4), none),
                Check.of(hostile(5), Verdict.PASSED, 0.1, "≤ 0.1", hostile(6)));
        return new ResultDocument(kind, Verdict.WARNING, kind.id() + " of " + hostile(0), WHEN, 5_000, checks, f);
    }

    private static void array(ArrayNode array, double... values) {
        for (double v : values) {
            if (v == Math.rint(v)) {
                array.add((long) v);
            } else {
                array.add(v);
            }
        }
    }
}
