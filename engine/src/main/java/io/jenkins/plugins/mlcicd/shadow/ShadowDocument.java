package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.stats.Histograms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result document of kind {@code shadow}: per-model requests, errors by kind, latency
 * percentiles and throughput; the comparison between the models (agreement, score differences,
 * score drift) overall and per slice; the worst-disagreeing requests; the label comparison when
 * labels were given; and the guardrail checks (plus the rules of a gate policy, evaluated on the
 * document's own {@code metrics}).
 */
public final class ShadowDocument {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Bins of the score-difference histogram in the report. */
    private static final int DIFF_BINS = 20;

    private ShadowDocument() {
    }

    public static ResultDocument of(ShadowRun run, Guardrails guardrails, double threshold, boolean decisionPointer,
            GatePolicy policy) {
        ObjectNode fields = JSON.objectNode();
        fields.put("mode", run.mode());
        fields.set("input", run.input());
        fields.put("stopReason", run.stopReason());
        double seconds = run.elapsedNanos() / 1e9;
        ObjectNode models = fields.putObject("models");
        models.set("baseline", model(run.baseline(), seconds));
        models.set("candidate", model(run.candidate(), seconds));
        Comparison comparison = run.comparison();
        Comparison.Drift drift = comparison.drift();
        ObjectNode compared = fields.putObject("comparison");
        compared.put("agreementBasis", decisionPointer ? "decision pointer" : "score >= " + threshold);
        compare(compared, comparison, drift);
        if (!comparison.slices().isEmpty()) {
            ObjectNode slices = fields.putObject("slices");
            comparison.slices().forEach((value, slice) -> {
                ObjectNode node = slices.putObject(run.input().path("slice").asText("slice") + "=" + value);
                node.put("count", slice.compared());
                compare(node, slice, slice.drift());
            });
        }
        ArrayNode samples = fields.putArray("samples");
        for (Comparison.Sample sample : comparison.worst()) {
            ObjectNode node = samples.addObject();
            node.put("id", sample.id());
            if (sample.slice() != null) {
                node.put("slice", sample.slice());
            }
            node.put("baseline", sample.baseline());
            node.put("candidate", sample.candidate());
            node.put("difference", sample.difference());
            node.put("disagree", sample.disagree());
            if (sample.baselineDecision() != null) {
                node.put("baselineDecision", sample.baselineDecision());
                node.put("candidateDecision", sample.candidateDecision());
            }
        }
        fields.set("charts", charts(comparison));

        ObjectNode metrics = fields.putObject("metrics");
        ObjectNode baselineMetrics = metrics.putObject("baseline");
        ObjectNode candidateMetrics = metrics.putObject("candidate");
        modelMetrics(baselineMetrics, run.baseline(), seconds);
        modelMetrics(candidateMetrics, run.candidate(), seconds);
        double p95Increase = relativeIncrease(p95Ms(run.candidate()), p95Ms(run.baseline()));
        number(candidateMetrics, "latencyP95Increase", p95Increase);
        metrics.put("compared", comparison.compared());
        number(metrics, "agreement", comparison.agreement());
        ObjectNode scoreDiff = metrics.putObject("scoreDiff");
        number(scoreDiff, "mean", comparison.meanAbsDifference());
        number(scoreDiff, "p99", drift.p99AbsDifference());
        number(scoreDiff, "max", comparison.maxAbsDifference());
        ObjectNode scoreDrift = metrics.putObject("scoreDrift");
        number(scoreDrift, "psi", drift.psi());
        number(scoreDrift, "ks", drift.ks());
        number(scoreDrift, "jensenShannon", drift.jensenShannon());

        List<Check> checks = new ArrayList<>();
        checks.add(comparedCheck(run));
        checks.addAll(guardrailChecks(run, guardrails, comparison, drift, p95Increase));
        if (run.labels() != null) {
            fields.set("labels", run.labels().document());
            run.labels().metrics().properties().forEach(e -> {
                ObjectNode target = switch (e.getKey()) {
                    case "baseline" -> baselineMetrics;
                    case "candidate" -> candidateMetrics;
                    default -> null;
                };
                if (target != null) {
                    target.setAll((ObjectNode) e.getValue());
                } else {
                    metrics.set(e.getKey(), e.getValue());
                }
            });
            checks.addAll(run.labels().checks());
        }
        if (policy != null) {
            fields.put("policy", policy.source());
            checks.addAll(policyChecks(run, fields, policy));
        }
        Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
        long durationMs = Duration.between(run.startedAt(), java.time.Instant.now()).toMillis();
        return new ResultDocument(ResultKind.SHADOW, verdict, summary(run, comparison, drift, verdict, checks),
                run.startedAt(), durationMs, checks, fields);
    }

    /** The policy's rules on this document's metrics, as the gate would evaluate them. */
    private static List<Check> policyChecks(ShadowRun run, ObjectNode fields, GatePolicy policy) {
        ResultDocument draft = new ResultDocument(ResultKind.SHADOW, Verdict.INCONCLUSIVE, "draft", run.startedAt(), 0,
                List.of(), fields);
        MetricsDocument metrics = MetricsDocument.parse("shadow result", ResultDocumentJson.toJsonString(draft));
        return Gate.evaluate(policy, metrics, null, null).checks();
    }

    private static Check comparedCheck(ShadowRun run) {
        Comparison comparison = run.comparison();
        long compared = comparison.compared();
        if (compared > 0) {
            return new Check("compared", Verdict.PASSED, (double) compared, null, null, "> 0",
                    compared + " of " + comparison.pairs() + " requests answered with a score by both models",
                    Map.of("requests", comparison.pairs()));
        }
        String why;
        if (comparison.pairs() == 0) {
            why = "no request was sent to both models (" + (run.stopReason() == null ? "empty input" : run.stopReason()) + ")";
        } else {
            List<String> down = new ArrayList<>();
            for (ModelStats stats : List.of(run.baseline(), run.candidate())) {
                if (stats.answers() > 0 && stats.errors() == stats.answers()) {
                    down.add("the " + stats.role() + " answered none of " + stats.answers() + " requests ("
                            + describeErrors(stats) + ")");
                }
            }
            why = down.isEmpty() ? "no request was answered with a score by both models" : String.join("; ", down);
        }
        return new Check("compared", Verdict.INCONCLUSIVE, 0.0, null, null, "> 0", "nothing to compare: " + why,
                Map.of("reason", why));
    }

    static String describeErrors(ModelStats stats) {
        List<String> parts = new ArrayList<>();
        stats.errorsByKind().forEach((kind, n) -> {
            if (n > 0) {
                parts.add(n + " " + kind.id());
            }
        });
        return parts.isEmpty() ? "no errors" : String.join(", ", parts);
    }

    private static List<Check> guardrailChecks(ShadowRun run, Guardrails guardrails, Comparison comparison,
            Comparison.Drift drift, double p95Increase) {
        List<Check> checks = new ArrayList<>();
        ModelStats candidate = run.candidate();
        ModelStats baseline = run.baseline();
        double errorRate = candidate.errorRate();
        String errorThreshold = "≤ " + guardrails.maxErrorRate();
        if (Double.isNaN(errorRate)) {
            checks.add(missing("candidate.errorRate", errorThreshold, "the candidate answered no request"));
        } else {
            boolean ok = errorRate <= guardrails.maxErrorRate();
            checks.add(new Check("candidate.errorRate", ok ? Verdict.PASSED : Verdict.FAILED, errorRate,
                    nanToNull(baseline.errorRate()), delta(errorRate, baseline.errorRate()), errorThreshold,
                    String.format(Locale.ROOT, "candidate error rate %s (%d of %d: %s)%s", percent(errorRate),
                            candidate.errors(), candidate.answers(), describeErrors(candidate),
                            ok ? "" : ", above " + percent(guardrails.maxErrorRate())),
                    Map.of()));
        }
        if (guardrails.maxLatencyP95() != null) {
            double limit = guardrails.maxLatencyP95().toNanos() / 1e6;
            double p95 = p95Ms(candidate);
            String threshold = "≤ " + ms(limit) + " ms";
            if (Double.isNaN(p95)) {
                checks.add(missing("candidate.latencyP95", threshold, "the candidate returned no response to time"));
            } else {
                boolean ok = p95 <= limit;
                checks.add(new Check("candidate.latencyP95", ok ? Verdict.PASSED : Verdict.FAILED, p95,
                        nanToNull(p95Ms(baseline)), delta(p95, p95Ms(baseline)), threshold,
                        "candidate p95 latency " + ms(p95) + " ms" + (ok ? "" : ", above " + ms(limit) + " ms"),
                        Map.of()));
            }
        }
        if (guardrails.maxLatencyP95Increase() != null) {
            double limit = guardrails.maxLatencyP95Increase();
            String threshold = "≤ +" + percent(limit);
            if (Double.isNaN(p95Increase)) {
                checks.add(missing("candidate.latencyP95Increase", threshold,
                        "the p95 latency of both models is needed (one returned no response)"));
            } else {
                boolean ok = p95Increase <= limit;
                checks.add(new Check("candidate.latencyP95Increase", ok ? Verdict.PASSED : Verdict.FAILED, p95Increase,
                        null, null, threshold, String.format(Locale.ROOT, "candidate p95 %s ms vs baseline %s ms (%+.1f%%)",
                                ms(p95Ms(candidate)), ms(p95Ms(baseline)), 100 * p95Increase),
                        Map.of()));
            }
        }
        if (guardrails.minAgreement() != null) {
            double agreement = comparison.agreement();
            String threshold = "≥ " + guardrails.minAgreement();
            if (Double.isNaN(agreement)) {
                checks.add(missing("agreement", threshold, "no request was answered with a score by both models"));
            } else {
                boolean ok = agreement >= guardrails.minAgreement();
                checks.add(new Check("agreement", ok ? Verdict.PASSED : Verdict.FAILED, agreement, null, null, threshold,
                        String.format(Locale.ROOT, "the models decide alike on %s of %d requests (%d disagree)",
                                percent(agreement), comparison.compared(), comparison.disagreements()),
                        Map.of()));
            }
        }
        if (guardrails.maxPsi() != null) {
            String threshold = "≤ " + guardrails.maxPsi();
            if (Double.isNaN(drift.psi())) {
                checks.add(missing("scoreDrift.psi", threshold, "no request was answered with a score by both models"));
            } else {
                boolean ok = drift.psi() <= guardrails.maxPsi();
                checks.add(new Check("scoreDrift.psi", ok ? Verdict.PASSED : Verdict.FAILED, drift.psi(), null, null,
                        threshold, String.format(Locale.ROOT, "PSI of the candidate's scores vs the baseline's: %.4f%s",
                                drift.psi(), drift.sampled() ? " (on a sample of " + drift.sampleSize() + " pairs)" : ""),
                        Map.of()));
            }
        }
        return checks;
    }

    private static Check missing(String name, String threshold, String why) {
        return new Check(name, Verdict.INCONCLUSIVE, null, null, null, threshold, "not measured: " + why,
                Map.of("reason", why));
    }

    private static ObjectNode model(ModelStats stats, double seconds) {
        ObjectNode node = JSON.objectNode();
        long answers = stats.answers();
        node.put("requests", answers);
        node.put("ok", answers - stats.errors());
        number(node, "errorRate", stats.errorRate());
        ObjectNode errors = node.putObject("errors");
        stats.errorsByKind().forEach((kind, n) -> {
            if (kind != ErrorKind.LOGGED || n > 0) {
                errors.put(kind.id(), n);
            }
        });
        Histogram latency = stats.latency();
        ObjectNode latencyNode = node.putObject("latencyMs");
        latencyNode.put("count", latency.getTotalCount());
        if (latency.getTotalCount() > 0) {
            latencyNode.put("mean", latency.getMean() / 1000);
            latencyNode.put("p50", latency.getValueAtPercentile(50) / 1000.0);
            latencyNode.put("p90", latency.getValueAtPercentile(90) / 1000.0);
            latencyNode.put("p95", latency.getValueAtPercentile(95) / 1000.0);
            latencyNode.put("p99", latency.getValueAtPercentile(99) / 1000.0);
            latencyNode.put("p999", latency.getValueAtPercentile(99.9) / 1000.0);
            latencyNode.put("max", latency.getMaxValue() / 1000.0);
        }
        number(node, "throughput", seconds > 0 ? answers / seconds : Double.NaN);
        return node;
    }

    private static void modelMetrics(ObjectNode node, ModelStats stats, double seconds) {
        node.put("requests", stats.answers());
        number(node, "errorRate", stats.errorRate());
        Histogram latency = stats.latency();
        boolean timed = latency.getTotalCount() > 0;
        number(node, "latencyP50", timed ? latency.getValueAtPercentile(50) / 1000.0 : Double.NaN);
        number(node, "latencyP95", timed ? latency.getValueAtPercentile(95) / 1000.0 : Double.NaN);
        number(node, "latencyP99", timed ? latency.getValueAtPercentile(99) / 1000.0 : Double.NaN);
        number(node, "latencyMax", timed ? latency.getMaxValue() / 1000.0 : Double.NaN);
        number(node, "throughput", seconds > 0 ? stats.answers() / seconds : Double.NaN);
    }

    private static void compare(ObjectNode node, Comparison comparison, Comparison.Drift drift) {
        node.put("requests", comparison.pairs());
        node.put("compared", comparison.compared());
        number(node, "agreement", comparison.agreement());
        node.put("disagreements", comparison.disagreements());
        number(node, "meanAbsScoreDiff", comparison.meanAbsDifference());
        number(node, "p99AbsScoreDiff", drift.p99AbsDifference());
        number(node, "maxAbsScoreDiff", comparison.maxAbsDifference());
        number(node, "meanBaselineScore", comparison.meanBaselineScore());
        number(node, "meanCandidateScore", comparison.meanCandidateScore());
        ObjectNode driftNode = node.putObject("scoreDrift");
        number(driftNode, "psi", drift.psi());
        number(driftNode, "ks", drift.ks());
        number(driftNode, "ksPValue", drift.ksPValue());
        number(driftNode, "jensenShannon", drift.jensenShannon());
        driftNode.put("sampleSize", drift.sampleSize());
        driftNode.put("sampled", drift.sampled());
    }

    /** Histograms for the report: both score distributions on shared bins, and |score difference|. */
    private static ObjectNode charts(Comparison comparison) {
        ObjectNode charts = JSON.objectNode();
        double[] b = comparison.sampledBaseline();
        double[] c = comparison.sampledCandidate();
        if (b.length == 0) {
            return charts;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxDiff = 0;
        for (int i = 0; i < b.length; i++) {
            lo = Math.min(lo, Math.min(b[i], c[i]));
            hi = Math.max(hi, Math.max(b[i], c[i]));
            maxDiff = Math.max(maxDiff, Math.abs(c[i] - b[i]));
        }
        ObjectNode scores = charts.putObject("scores");
        double[] edges = innerEdges(lo, hi, DIFF_BINS);
        putArray(scores.putArray("edges"), withEnds(edges, lo, hi));
        putArray(scores.putArray("baseline"), Histograms.counts(b, edges));
        putArray(scores.putArray("candidate"), Histograms.counts(c, edges));
        double[] diffs = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            diffs[i] = Math.abs(c[i] - b[i]);
        }
        ObjectNode diff = charts.putObject("absScoreDiff");
        double[] diffEdges = innerEdges(0, maxDiff, DIFF_BINS);
        putArray(diff.putArray("edges"), withEnds(diffEdges, 0, maxDiff));
        putArray(diff.putArray("counts"), Histograms.counts(diffs, diffEdges));
        return charts;
    }

    /** The k − 1 inner edges of k equal-width bins over [lo, hi] (Histograms' open-ended convention). */
    private static double[] innerEdges(double lo, double hi, int bins) {
        if (!(hi > lo)) {
            return new double[0];
        }
        double[] edges = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            edges[i - 1] = lo + (hi - lo) * i / bins;
        }
        return edges;
    }

    private static double[] withEnds(double[] inner, double lo, double hi) {
        double[] all = new double[inner.length + 2];
        all[0] = lo;
        System.arraycopy(inner, 0, all, 1, inner.length);
        all[all.length - 1] = hi;
        return all;
    }

    private static void putArray(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private static void putArray(ArrayNode array, long[] values) {
        for (long v : values) {
            array.add(v);
        }
    }

    private static String summary(ShadowRun run, Comparison comparison, Comparison.Drift drift, Verdict verdict,
            List<Check> checks) {
        ModelStats c = run.candidate();
        ModelStats b = run.baseline();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d requests; candidate %s errors, p95 %s ms (baseline %s errors, p95 %s ms)",
                comparison.pairs(), percent(c.errorRate()), ms(p95Ms(c)), percent(b.errorRate()), ms(p95Ms(b))));
        if (comparison.compared() > 0) {
            text.append(String.format(Locale.ROOT, "; agreement %s, PSI %.4f", percent(comparison.agreement()), drift.psi()));
        }
        if (verdict != Verdict.PASSED) {
            checks.stream().filter(check -> check.verdict() == verdict).findFirst()
                    .ifPresent(check -> text.append(" — ").append(check.name()).append(": ").append(check.message()));
        }
        return text.toString();
    }

    static double p95Ms(ModelStats stats) {
        Histogram latency = stats.latency();
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(95) / 1000.0;
    }

    static double relativeIncrease(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference) || reference <= 0) {
            return Double.NaN;
        }
        return value / reference - 1;
    }

    private static Double delta(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) ? null : value - baseline;
    }

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** A finite number, or null: JSON has no NaN, and a missing value must read as missing. */
    static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
