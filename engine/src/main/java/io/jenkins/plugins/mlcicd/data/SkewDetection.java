package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-example training–serving skew (TFDV's skew detection): both datasets are joined on the key in
 * DuckDB; for each feature the fraction of joined examples whose values differ (numbers within a
 * relative tolerance, everything else exactly, null equal only to null), with samples; keys found on
 * one side only and duplicate keys are counted; and each feature's distribution drift between the
 * two sides is measured with the default method.
 */
public final class SkewDetection {
    private final Map<String, String> environment;
    private final Clock clock;

    public SkewDetection(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    public ResultDocument run(SkewRequest request) {
        Instant started = clock.instant();
        boolean files = request.training() instanceof DataSource.Files && request.serving() instanceof DataSource.Files;
        if (!files && !sameSpark(request.training(), request.serving())) {
            // The two sides are joined in one query: one engine must see both.
            throw new BadInputException("skew joins both sides in one engine: give two files, directories or globs, or both"
                    + " sides in one Spark session (one --spark)");
        }
        try (DataSession session = new DataSession(environment)) {
            DataTable training = session.openWhole(request.training(), "training", TypePlan.inferred());
            List<String> servingNames = new ArrayList<>();
            DataTable serving = session.openWhole(request.serving(), "serving", columns -> {
                Map<String, ColumnType> plan = new LinkedHashMap<>();
                for (SourceColumn c : columns) {
                    servingNames.add(c.name());
                    DataTable.Column t = training.column(c.name());
                    if (t != null) {
                        plan.put(c.name(), t.type());
                    }
                }
                return plan;
            });
            String key = request.key();
            for (DataTable t : List.of(training, serving)) {
                if (!t.columnNames().contains(key)) {
                    throw new BadInputException(t.source() + ": no key column '" + key + "'");
                }
            }
            List<String> features = request.features().isEmpty()
                    ? training.columnNames().stream().filter(n -> !n.equals(key) && servingNames.contains(n)).toList()
                    : request.features();
            for (String f : features) {
                if (training.column(f) == null || serving.column(f) == null) {
                    throw new BadInputException("feature '" + f + "' is not in both datasets");
                }
            }
            List<Check> checks = new ArrayList<>();
            SqlDialect d = training.dialect();
            long trainingDuplicates = duplicates(training, training.column(key).value());
            long servingDuplicates = duplicates(serving, serving.column(key).value());
            Side ts = files ? Side.ofFiles(training, key) : Side.ofSpark(training, key, features);
            Side ss = files ? Side.ofFiles(serving, key) : Side.ofSpark(serving, key, features);
            String tk = ts.key();
            String sk = ss.key();
            String joined = ts.relation() + " t FULL OUTER JOIN " + ss.relation() + " s ON t." + tk + " = s." + sk;
            long[] keys = training.queryOne("SELECT " + SqlAggregates.countIf("t." + tk + " IS NOT NULL AND s." + sk + " IS NOT NULL")
                    + ", " + SqlAggregates.countIf("s." + sk + " IS NULL") + ", " + SqlAggregates.countIf("t." + tk + " IS NULL")
                    + " FROM " + joined + " WHERE t." + tk + " IS NOT NULL OR s." + sk + " IS NOT NULL",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            long matched = keys[0];
            checks.add(Check.of("skew.joined", matched == 0 ? Verdict.INCONCLUSIVE : Verdict.PASSED, (double) matched, null,
                    matched + " examples found on both sides"
                            + (matched == 0 ? ": nothing to compare" : "")));
            checks.add(keyCheck("skew.training_only_keys", keys[1], "keys only in training (not served)"));
            checks.add(keyCheck("skew.serving_only_keys", keys[2], "keys only in serving (not in training)"));
            checks.add(keyCheck("skew.duplicate_keys", trainingDuplicates + servingDuplicates,
                    "rows repeat a key (" + trainingDuplicates + " in training, " + servingDuplicates
                            + " in serving); the first row of each key is compared"));
            ObjectNode fields = Json.mapper().createObjectNode();
            fields.put("training", request.training().describe());
            fields.put("serving", request.serving().describe());
            fields.put("key", key);
            fields.put("tolerance", request.tolerance());
            DataProfile trainingProfile = Profiler.profile(training, started);
            for (String f : features) {
                DataTable.Column tc = training.column(f);
                DataTable.Column sc = serving.column(f);
                String a = "t." + ts.feature(f);
                String b = "s." + ss.feature(f);
                String differ = tc.type().isNumeric()
                        ? "(" + a + " IS NULL) <> (" + b + " IS NULL) OR ABS(" + a + " - " + b + ") > " + request.tolerance()
                                + " * GREATEST(ABS(" + a + "), ABS(" + b + "))"
                        : d.differs(a, b);
                String inBoth = "t." + tk + " IS NOT NULL AND s." + sk + " IS NOT NULL";
                long mismatches = training.queryOne("SELECT " + SqlAggregates.countIf(inBoth + " AND (" + differ + ")")
                        + " FROM " + joined, rs -> rs.getLong(1));
                double fraction = matched == 0 ? 0 : (double) mismatches / matched;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("count", mismatches);
                details.put("joined", matched);
                if (mismatches > 0) {
                    List<Map<String, Object>> samples = new ArrayList<>();
                    training.query("SELECT " + d.toText("t." + tk) + ", " + d.toText(a) + ", " + d.toText(b) + " FROM " + joined
                            + " WHERE " + inBoth + " AND (" + differ + ") ORDER BY t.__rid LIMIT " + ContractValidator.SAMPLES, rs -> {
                                Map<String, Object> sample = new LinkedHashMap<>();
                                sample.put("key", rs.getString(1));
                                sample.put("training", rs.getString(2));
                                sample.put("serving", rs.getString(3));
                                samples.add(sample);
                            });
                    details.put("samples", samples);
                }
                boolean fail = fraction > request.maxMismatchFraction();
                checks.add(new Check(f + ".skew", matched == 0 ? Verdict.INCONCLUSIVE : fail ? Verdict.FAILED : Verdict.PASSED,
                        matched == 0 ? null : fraction, null, null, "≤ " + Numbers.format(request.maxMismatchFraction()),
                        mismatches + " of " + matched + " joined examples differ", details));
                ColumnProfile reference = trainingProfile.column(f);
                if (!tc.type().isTemporal() && reference != null) {
                    DriftResult drift = DriftCalculator.measure(null, new ReferenceColumn(reference, training, tc), serving, sc);
                    if (drift == null) {
                        checks.add(Check.of(f + ".drift", Verdict.INCONCLUSIVE, null, null, "no values to compare on one side"));
                    } else {
                        Map<String, Object> dd = new LinkedHashMap<>(drift.details());
                        dd.put("method", drift.method().id());
                        checks.add(new Check(f + ".drift", drift.drifted() ? Verdict.FAILED : Verdict.PASSED, drift.value(), null,
                                null, drift.method().describeThreshold(drift.threshold()),
                                (drift.drifted() ? "serving distribution drifted: " : "no drift: ") + drift.method().id() + " "
                                        + Numbers.format(drift.value()), dd));
                    }
                }
            }
            Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
            long skewed = checks.stream().filter(c -> c.name().endsWith(".skew") && c.verdict() == Verdict.FAILED).count();
            String summary = "skew between " + request.training().describe() + " and " + request.serving().describe() + ": "
                    + matched + " joined examples, " + skewed + " of " + features.size() + " features skewed";
            return new ResultDocument(ResultKind.DATA_VALIDATION, verdict, summary, started,
                    Math.max(0, clock.millis() - started.toEpochMilli()), checks, fields);
        }
    }

    private static boolean sameSpark(DataSource training, DataSource serving) {
        return training instanceof DataSource.Spark t && serving instanceof DataSource.Spark s && t.url().equals(s.url())
                && java.util.Objects.equals(t.tokenEnv(), s.tokenEnv());
    }

    /**
     * One side as a relation with the first row of each key ({@code __rid}: its position) and how the joined
     * query names its key and features there.
     */
    private record Side(String relation, String key, Map<String, String> features) {
        String feature(String name) {
            return features.get(name);
        }

        /** DuckDB work tables: typed columns by name, row order the table's rowid (the order in the files). */
        static Side ofFiles(DataTable table, String key) {
            Map<String, String> names = new LinkedHashMap<>();
            for (DataTable.Column c : table.columns()) {
                names.put(c.name(), c.value());
            }
            String k = table.column(key).value();
            return new Side(table.dialect().firstRowPerKey("*", table.from(), k, "rowid"), k, names);
        }

        /**
         * Spark: typed values are expressions on the source's columns, so they are projected under names; the row
         * order is the Parquet row identity (file, row in file) and, for tables and queries, which have none, the
         * typed values themselves (so that the kept row of a repeated key is the same in every query).
         */
        static Side ofSpark(DataTable table, String key, List<String> features) {
            List<String> select = new ArrayList<>();
            select.add(table.column(key).value() + " AS __k");
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < features.size(); i++) {
                names.put(features.get(i), "__f" + i);
                select.add(table.column(features.get(i)).value() + " AS __f" + i);
            }
            String order;
            if (table.rowNumber() == null) {
                order = "struct(" + String.join(", ", table.columns().stream().map(DataTable.Column::value).toList()) + ")";
            } else {
                order = table.fileName() == null ? table.rowNumber() : "struct(" + table.fileName() + ", " + table.rowNumber() + ")";
            }
            String relation = table.dialect().firstRowPerKey(String.join(", ", select), table.sampleFrom(),
                    table.column(key).value(), order);
            return new Side(relation, "__k", names);
        }
    }

    private static Check keyCheck(String name, long count, String what) {
        return new Check(name, count == 0 ? Verdict.PASSED : Verdict.WARNING, (double) count, null, null, "0",
                count + " " + what, Map.of("count", count));
    }

    private static long duplicates(DataTable table, String key) {
        return table.queryOne("SELECT COUNT(" + key + ") - COUNT(DISTINCT " + key + ") FROM " + table.from(), rs -> rs.getLong(1));
    }
}
