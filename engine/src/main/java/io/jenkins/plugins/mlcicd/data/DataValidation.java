package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.data.DataContract.ColumnRule;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-validation engine's entry point, the same for the CLI and the Jenkins step: contract
 * checks, drift against a reference, a result document of kind {@code data-validation}, and on
 * request the profile of the validated data to keep as a later reference.
 */
public final class DataValidation {
    private final Map<String, String> environment;
    private final Clock clock;

    public DataValidation() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** @param environment where JDBC credentials and DuckDB settings come from */
    public DataValidation(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** Validates; bad input (files, contract, SQL errors about the data) throws BadInputException. */
    public ValidationResult run(ValidationRequest request) {
        Instant started = clock.instant();
        DataContract contract = request.contract();
        try (DataSession session = new DataSession(environment)) {
            TypePlan plan = ValidationPlan.forContract(contract);
            DataTable current = session.open(request.data(), "current", plan);
            List<Check> checks = new ArrayList<>(ContractValidator.validate(contract, current));
            for (Check typeless : ValidationPlan.undeclaredTypeViolations(contract, current, checks)) {
                checks.add(typeless);
            }
            ObjectNode fields = Json.mapper().createObjectNode();
            fields.put("dataset", contract.dataset() == null ? request.data().describe() : contract.dataset());
            fields.put("data", request.data().describe());
            if (request.contractSource() != null) {
                fields.put("contract", request.contractSource());
            }
            DataProfile referenceProfile = request.referenceProfile();
            DataTable reference = null;
            if (request.referenceData() != null) {
                reference = session.open(request.referenceData(), "reference",
                        columns -> ValidationPlan.forContract(contract).plan(columns));
                // The lean profile leaves ECDF measures to the reference table, readable only in the same engine.
                referenceProfile = Profiler.profile(reference, started, !reference.sameConnection(current));
                fields.put("reference", request.referenceData().describe());
            } else if (referenceProfile != null) {
                fields.put("reference", "profile of " + referenceProfile.source() + " (" + referenceProfile.createdAt() + ")");
            }
            Map<String, ColumnProfile> referenceColumns = new java.util.HashMap<>();
            if (referenceProfile != null) {
                referenceProfile.columns().forEach(c -> referenceColumns.putIfAbsent(c.name(), c));
            }
            ArrayNode columns = fields.putArray("columns");
            List<DriftResult> drifts = new ArrayList<>();
            Map<String, long[]> currentBins = currentHistograms(contract, current, referenceProfile);
            for (ColumnRule rule : contract.columns()) {
                DataTable.Column column = current.column(rule.name());
                if (column == null) {
                    continue;
                }
                ObjectNode col = columns.addObject();
                col.put("name", rule.name());
                col.put("type", column.type().id());
                ColumnProfile refColumn = referenceColumns.get(rule.name());
                if (refColumn != null) {
                    addDistributions(col, refColumn, current, column, currentBins.get(rule.name()), rule.drift() != null);
                }
                if (rule.drift() == null || column.type().isTemporal()) {
                    continue;
                }
                Check drift;
                if (!request.hasReference()) {
                    drift = Check.of(rule.name() + ".drift", Verdict.INCONCLUSIVE, null, null,
                            "no reference given (--reference or --reference-profile): drift not measured");
                } else if (refColumn == null) {
                    drift = Check.of(rule.name() + ".drift", Verdict.INCONCLUSIVE, null, null,
                            "the reference has no column '" + rule.name() + "'");
                } else {
                    DataTable.Column refData = reference == null ? null : reference.column(rule.name());
                    DriftResult result = DriftCalculator.measure(rule.drift(),
                            new ReferenceColumn(refColumn, reference, refData), current, column, currentBins.get(rule.name()));
                    drift = driftCheck(rule.name(), result, contract.driftSeverity(rule.drift()));
                    if (result != null) {
                        drifts.add(result);
                    }
                }
                checks.add(drift);
            }
            if (contract.driftShare() != null) {
                checks.add(datasetDrift(contract.driftShare(), drifts));
            }
            fields.set("drift", driftSummary(drifts));
            DataProfile currentProfile = request.profileCurrent() ? Profiler.profile(current, started) : null;
            Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
            String summary = summary(checks, drifts, current.source());
            long duration = clock.millis() - started.toEpochMilli();
            ResultDocument document = new ResultDocument(ResultKind.DATA_VALIDATION, verdict, summary, started,
                    Math.max(duration, 0), checks, fields);
            return new ValidationResult(document, currentProfile);
        }
    }

    /** Profiles a dataset (every column, as its source types it). */
    public DataProfile profile(DataSource source) {
        try (DataSession session = new DataSession(environment)) {
            DataTable table = session.open(source, "data", TypePlan.inferred());
            return Profiler.profile(table, clock.instant());
        }
    }

    /** The current data's counts in the reference's bins for every numeric contract column, in one pass. */
    private static Map<String, long[]> currentHistograms(DataContract contract, DataTable current, DataProfile reference) {
        Map<DataTable.Column, double[]> edges = new LinkedHashMap<>();
        if (reference != null) {
            Map<String, ColumnProfile> byName = new java.util.HashMap<>();
            reference.columns().forEach(c -> byName.putIfAbsent(c.name(), c));
            for (ColumnRule rule : contract.columns()) {
                DataTable.Column column = current.column(rule.name());
                ColumnProfile ref = byName.get(rule.name());
                if (column != null && ref != null && column.type().isNumeric() && ref.type().isNumeric() && ref.histogram() != null) {
                    edges.put(column, ref.histogram().edges());
                }
            }
        }
        return Profiler.histograms(current, edges);
    }

    /**
     * The reference and current histogram, or counts of the reference's most frequent categories: for a column
     * whose drift is checked, or whose reference values are all listed (not for free text such as e-mail
     * addresses, where a category chart says nothing and counting costs a pass over the data).
     */
    private static void addDistributions(ObjectNode col, ColumnProfile ref, DataTable current, DataTable.Column column,
            long[] currentBins, boolean driftChecked) {
        if (column.type().isNumeric() && ref.histogram() != null && ref.type().isNumeric()) {
            ObjectNode h = col.putObject("histogram");
            ArrayNode edges = h.putArray("edges");
            for (double e : ref.histogram().edges()) {
                edges.add(e);
            }
            ArrayNode r = h.putArray("reference");
            for (long c : ref.histogram().counts()) {
                r.add(c);
            }
            ArrayNode c = h.putArray("current");
            for (long n : currentBins != null ? currentBins : Profiler.histogram(current, column, ref.histogram().edges())) {
                c.add(n);
            }
        } else if (!column.type().isNumeric() && !column.type().isTemporal() && ref.distribution() != null
                && ref.distribution().categories() != null
                && (driftChecked || ref.distribution().otherCount() == null || ref.distribution().otherCount() == 0)) {
            Map<String, Long> cur = DriftCalculator.categoryCounts(current, column, false);
            ArrayNode cats = col.putArray("categories");
            int shown = 0;
            for (ColumnProfile.ValueCount vc : ref.distribution().categories()) {
                if (shown++ == 10) {
                    break;
                }
                ObjectNode cat = cats.addObject();
                cat.put("value", vc.value());
                cat.put("reference", vc.count());
                cat.put("current", cur.getOrDefault(vc.value(), 0L));
            }
            col.put("referenceCount", ref.count());
            col.put("currentCount", cur.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /**
     * The dataset drift rule: drift when at least {@code share} of the columns whose drift was measured drifted
     * (Evidently's {@code share ≥ drift_share}); columns not measured (INCONCLUSIVE) are not counted.
     */
    static Check datasetDrift(double share, List<DriftResult> drifts) {
        String threshold = "share of drifted columns < " + Numbers.format(share);
        if (drifts.isEmpty()) {
            return Check.of("dataset.drift", Verdict.INCONCLUSIVE, null, threshold, "no column's drift was measured");
        }
        long fired = drifts.stream().filter(DriftResult::drifted).count();
        double observed = (double) fired / drifts.size();
        boolean drifted = observed >= share;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("driftedColumns", fired);
        details.put("measuredColumns", drifts.size());
        details.put("driftShare", share);
        String message = fired + " of " + drifts.size() + " columns drifted (share " + Numbers.format(observed) + ")"
                + (drifted ? " ≥ driftShare " : " < driftShare ") + Numbers.format(share);
        return new Check("dataset.drift", drifted ? Verdict.FAILED : Verdict.PASSED, observed, null, null, threshold,
                (drifted ? "dataset drift: " : "no dataset drift: ") + message, details);
    }

    private static Check driftCheck(String column, DriftResult result, DataContract.Severity severity) {
        String name = column + ".drift";
        if (result == null) {
            return Check.of(name, Verdict.INCONCLUSIVE, null, null, "no values to compare on one side: drift not measured");
        }
        Map<String, Object> details = new LinkedHashMap<>(result.details());
        details.put("method", result.method().id());
        details.put("severity", severity.id());
        String threshold = result.method().describeThreshold(result.threshold());
        String what = result.method().isPValue() ? result.method().id() + " p-value " : result.method().id() + " ";
        String message = result.drifted()
                ? "drift: " + what + Numbers.format(result.value()) + (result.method().isPValue() ? " ≤ " : " ≥ ")
                        + Numbers.format(result.threshold())
                : "no drift: " + what + Numbers.format(result.value());
        Verdict drifted = severity == DataContract.Severity.FAILURE ? Verdict.FAILED : Verdict.WARNING;
        return new Check(name, result.drifted() ? drifted : Verdict.PASSED, result.value(), null, null, threshold,
                message, details);
    }

    /**
     * How many drift checks fired, and how many would fire by chance alone if nothing drifted: for a
     * p-value test that is its threshold (the false-positive rate); distances have no such rate.
     */
    static ObjectNode driftSummary(List<DriftResult> drifts) {
        ObjectNode summary = Json.mapper().createObjectNode();
        long fired = drifts.stream().filter(DriftResult::drifted).count();
        List<DriftResult> pValue = drifts.stream().filter(d -> d.method().isPValue()).toList();
        double expected = pValue.stream().mapToDouble(DriftResult::threshold).sum();
        double anyFalseAlarm = 1 - pValue.stream().mapToDouble(d -> 1 - d.threshold()).reduce(1, (a, b) -> a * b);
        summary.put("checks", drifts.size());
        summary.put("drifted", fired);
        summary.put("pValueChecks", pValue.size());
        summary.put("expectedFalseAlarms", expected);
        summary.put("probabilityOfAnyFalseAlarm", anyFalseAlarm);
        Map<DriftMethod, Integer> byMethod = new EnumMap<>(DriftMethod.class);
        drifts.forEach(d -> byMethod.merge(d.method(), 1, Integer::sum));
        ObjectNode methods = summary.putObject("methods");
        byMethod.forEach((m, n) -> methods.put(m.id(), n));
        return summary;
    }

    private static String summary(List<Check> checks, List<DriftResult> drifts, String source) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        checks.forEach(c -> counts.merge(c.verdict(), 1L, Long::sum));
        StringBuilder s = new StringBuilder(source).append(": ").append(checks.size()).append(" checks, ")
                .append(counts.getOrDefault(Verdict.PASSED, 0L)).append(" passed");
        for (Verdict v : List.of(Verdict.WARNING, Verdict.INCONCLUSIVE, Verdict.FAILED)) {
            if (counts.getOrDefault(v, 0L) > 0) {
                s.append(", ").append(counts.get(v)).append(' ').append(v.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!drifts.isEmpty()) {
            long fired = drifts.stream().filter(DriftResult::drifted).count();
            double expected = drifts.stream().filter(d -> d.method().isPValue()).mapToDouble(DriftResult::threshold).sum();
            s.append("; drift in ").append(fired).append(" of ").append(drifts.size()).append(" columns");
            if (expected > 0) {
                s.append(" (").append(Numbers.format(expected)).append(" expected by chance)");
            }
        }
        return s.toString();
    }
}
