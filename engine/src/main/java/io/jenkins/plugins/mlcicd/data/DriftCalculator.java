package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.data.ColumnProfile.Distribution;
import io.jenkins.plugins.mlcicd.data.ColumnProfile.ValueCount;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.stats.ChiSquare;
import io.jenkins.plugins.mlcicd.stats.Distributions;
import io.jenkins.plugins.mlcicd.stats.JensenShannon;
import io.jenkins.plugins.mlcicd.stats.KolmogorovSmirnov;
import io.jenkins.plugins.mlcicd.stats.Psi;
import io.jenkins.plugins.mlcicd.stats.Wasserstein;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift of one column between a reference and the current data. Binned and categorical measures
 * need only counts (from the reference profile and one GROUP BY or bin-count query on the current
 * data); KS and Wasserstein walk the joint empirical CDF in SQL (a window over the distinct values),
 * exactly when the reference data is at hand or stored exactly in its profile, else on the profile's
 * 1001-point quantile sketch (then marked approximate). The statistics themselves come from {@code stats}.
 */
public final class DriftCalculator {
    /** Evidently's switch from small-sample tests to distances. */
    static final long SMALL_REFERENCE = 1000;
    /** Up to this many distinct values any numeric column is compared as categories by default (Evidently's stattest choice). */
    static final int FEW_VALUES = 5;
    /** Up to this many distinct values an integer column is categorical (Evidently 0.7's column type inference). */
    static final int FEW_INTEGER_VALUES = 10;
    private static final String OTHER = "(other)";

    private DriftCalculator() {
    }

    /**
     * Measures drift.
     *
     * @param rule      the contract's drift rule (method and threshold may be absent)
     * @param reference the reference column
     * @param current   the current table
     * @param column    the column in {@code current}
     * @return the result, or null when there is nothing to compare (no values on one side)
     */
    public static DriftResult measure(DataContract.DriftRule rule, ReferenceColumn reference, DataTable current,
            DataTable.Column column) {
        return measure(rule, reference, current, column, null);
    }

    /**
     * As {@link #measure(DataContract.DriftRule, ReferenceColumn, DataTable, DataTable.Column)}, with the
     * current column's counts in the reference's bins when they were already computed (null otherwise).
     */
    public static DriftResult measure(DataContract.DriftRule rule, ReferenceColumn reference, DataTable current,
            DataTable.Column column, long[] currentBins) {
        ColumnProfile ref = reference.profile();
        boolean numeric = column.type().isNumeric() && ref.type().isNumeric();
        if (!numeric && (column.type().isNumeric() != ref.type().isNumeric())) {
            throw new BadInputException(column.name() + ": reference column is " + ref.type().id() + " but current is "
                    + column.type().id() + ": drift cannot compare them");
        }
        long referenceCount = numeric ? ref.finiteCount() : ref.count();
        Map<String, Object> details = new LinkedHashMap<>();
        DriftMethod method = rule == null ? null : rule.method();
        DriftBinning binning = rule == null ? DriftBinning.DECILES : rule.binningOrDefault();
        boolean categorical;
        if (method == null) {
            // Only a numeric column's choice depends on how many values it has: an integer column with few
            // values is categorical (Evidently's type inference), and so is any numeric one with very few.
            int few = column.type() == ColumnType.INTEGER && ref.type() == ColumnType.INTEGER ? FEW_INTEGER_VALUES : FEW_VALUES;
            int distinct = numeric ? distinctUpTo(reference, current, column, few + 1) : 0;
            boolean small = referenceCount <= SMALL_REFERENCE;
            categorical = !numeric || distinct <= few;
            method = categorical ? (small ? DriftMethod.CHI_SQUARE : DriftMethod.JENSEN_SHANNON)
                    : (small ? DriftMethod.KS : DriftMethod.WASSERSTEIN_NORMED);
            String kind = !numeric ? "categorical column"
                    : (distinct <= few ? "≤ " : "> ") + few + " distinct values in reference and current"
                            + (few == FEW_INTEGER_VALUES ? " of an integer column" : "")
                            + (distinct <= few ? ": compared as categories" : "");
            details.put("methodChosenBy", "default: " + kind + "; reference has " + referenceCount + " values "
                    + (small ? "≤ " : "> ") + SMALL_REFERENCE + " → " + method.id());
        } else {
            if (!numeric && !method.appliesToCategorical()) {
                throw new BadInputException(column.name() + ": drift method " + method.id() + " needs a numeric column");
            }
            categorical = !numeric || !method.appliesToNumeric();
            details.put("methodChosenBy", "contract: drift.method " + method.id());
        }
        double threshold = rule != null && rule.threshold() != null ? rule.threshold() : method.defaultThreshold();
        if (Double.isNaN(threshold)) {
            throw new BadInputException(column.name() + ": drift.threshold is required for method " + method.id());
        }
        details.put("referenceCount", referenceCount);
        double value;
        if (method == DriftMethod.JENSEN_SHANNON) {
            details.put("base", "e");
        }
        boolean binnedMethod = method == DriftMethod.PSI || method == DriftMethod.JENSEN_SHANNON;
        if (categorical) {
            value = categorical(method, reference, current, column, numeric, binning, details);
        } else if (binnedMethod && binning == DriftBinning.EVIDENTLY) {
            value = evidentlyBinned(method, reference, current, column, details);
        } else if (binnedMethod) {
            details.put("binning", "deciles: 10 bins at the reference's deciles");
            value = binned(method, ref, current, column, currentBins, details);
        } else {
            value = ecdf(method, reference, current, column, details);
        }
        if (Double.isNaN(value)) {
            return null;
        }
        return new DriftResult(method, value, threshold, method.drifted(value, threshold), details);
    }

    private static double categorical(DriftMethod method, ReferenceColumn reference, DataTable current,
            DataTable.Column column, boolean numeric, DriftBinning binning, Map<String, Object> details) {
        Map<String, Long> ref = referenceCategories(reference, numeric);
        Map<String, Long> cur = categoryCounts(current, column, numeric);
        boolean referenceHasOther = ref.containsKey(OTHER);
        List<String> keys = new ArrayList<>(ref.keySet());
        Map<String, Long> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : cur.entrySet()) {
            String key = ref.containsKey(e.getKey()) || !referenceHasOther ? e.getKey() : OTHER;
            merged.merge(key, e.getValue(), Long::sum);
        }
        for (String key : merged.keySet()) {
            if (!ref.containsKey(key)) {
                keys.add(key);
            }
        }
        long[] r = new long[keys.size()];
        long[] c = new long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            r[i] = ref.getOrDefault(keys.get(i), 0L);
            c[i] = merged.getOrDefault(keys.get(i), 0L);
        }
        long currentCount = sum(c);
        details.put("currentCount", currentCount);
        if (sum(r) == 0 || currentCount == 0) {
            return Double.NaN;
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < 20; i++) {
            categories.add(Map.of("value", keys.get(i), "reference", r[i], "current", c[i]));
        }
        details.put("categories", categories);
        details.put("categoryCount", keys.size());
        return switch (method) {
            case L_INFINITY -> Distributions.lInfinity(Distributions.proportions(r), Distributions.proportions(c));
            case JENSEN_SHANNON -> {
                details.put("binning", "one bin per value");
                yield JensenShannon.distance(r, c);
            }
            case PSI -> {
                details.put("binning", binning == DriftBinning.EVIDENTLY ? "one bin per value; empty bins filled as Evidently does"
                        : "one bin per value; proportions floored at " + Psi.DEFAULT_FLOOR);
                yield binning == DriftBinning.EVIDENTLY ? Psi.ofCountsZeroFilled(r, c) : Psi.ofCounts(r, c);
            }
            case CHI_SQUARE -> {
                // Both sides are samples; Evidently's chisquare instead tests the current counts against the
                // reference proportions as if those were exact, which overstates the evidence (docs/data.md).
                details.put("test", "chi2_contingency: Pearson's test of independence of reference and current counts,"
                        + " no continuity correction (Evidently: goodness of fit against reference proportions)");
                ChiSquare.Result chi = ChiSquare.twoSample(r, c);
                details.put("statistic", chi.statistic());
                details.put("dof", chi.dof());
                yield chi.pValue();
            }
            default -> throw new IllegalStateException(method + " is not categorical");
        };
    }

    private static double binned(DriftMethod method, ColumnProfile ref, DataTable current, DataTable.Column column,
            long[] currentBins, Map<String, Object> details) {
        if (ref.histogram() == null) {
            return Double.NaN;
        }
        double[] edges = ref.histogram().edges();
        long[] r = ref.histogram().counts();
        long[] c = currentBins != null && currentBins.length == r.length ? currentBins : Profiler.histogram(current, column, edges);
        details.put("currentCount", sum(c));
        details.put("edges", edges);
        details.put("referenceBins", r);
        details.put("currentBins", c);
        if (sum(r) == 0 || sum(c) == 0) {
            return Double.NaN;
        }
        return method == DriftMethod.PSI ? Psi.ofCounts(r, c) : JensenShannon.distance(r, c);
    }

    /**
     * PSI or Jensen–Shannon on Evidently's bins: per value when the reference has at most 20 distinct values,
     * else Sturges' rule on both samples together, computed as numpy's {@code histogram_bin_edges(..., "sturges")}
     * (equal-width bins from the joint minimum to maximum, edges {@code i · step + min}). Needs the reference
     * values: the bins depend on the current data.
     */
    private static double evidentlyBinned(DriftMethod method, ReferenceColumn reference, DataTable current,
            DataTable.Column column, Map<String, Object> details) {
        if (!reference.hasData()) {
            throw new BadInputException(column.name() + ": drift.binning evidently needs the reference data (--reference),"
                    + " not a reference profile: its bins depend on the current data");
        }
        DataTable refTable = reference.table();
        DataTable.Column refColumn = reference.column();
        Set<String> values = new HashSet<>();
        addDistinct(values, refTable, refColumn, DriftBinning.EVIDENTLY_PER_VALUE);
        if (values.size() <= DriftBinning.EVIDENTLY_PER_VALUE) {
            return categorical(method, reference, current, column, true, DriftBinning.EVIDENTLY, details);
        }
        double[] refRange = range(refTable, refColumn);
        double[] curRange = range(current, column);
        long n = (long) refRange[2] + (long) curRange[2];
        if (refRange[2] == 0 || curRange[2] == 0) {
            return Double.NaN;
        }
        double first = Math.min(refRange[0], curRange[0]);
        double last = Math.max(refRange[1], curRange[1]);
        int bins = 1;
        if (last > first) {
            double width = (last - first) / (Math.log(n) / Math.log(2) + 1.0);
            bins = (int) Math.ceil((last - first) / width);
        } else {
            first -= 0.5;
            last += 0.5;
        }
        double step = (last - first) / bins;
        // The inner edges; values equal to an edge go to the bin above and the top edge closes the last bin.
        double[] inner = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            inner[i - 1] = i * step + first;
        }
        long[] r = Profiler.histogram(refTable, refColumn, inner);
        long[] c = Profiler.histogram(current, column, inner);
        details.put("binning", "evidently: " + bins + " equal-width bins by Sturges' rule on reference and current together"
                + (method == DriftMethod.PSI ? "; empty bins filled as Evidently does" : ""));
        details.put("currentCount", sum(c));
        details.put("edges", inner);
        details.put("referenceBins", r);
        details.put("currentBins", c);
        return method == DriftMethod.PSI ? Psi.ofCountsZeroFilled(r, c) : JensenShannon.distance(r, c);
    }

    /** Minimum, maximum and count of a numeric column's finite values. */
    private static double[] range(DataTable table, DataTable.Column column) {
        String v = SqlAggregates.finite(table.dialect(), column);
        return table.queryOne("SELECT MIN(" + v + "), MAX(" + v + "), COUNT(" + v + ") FROM " + table.from(column),
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getLong(3)});
    }

    private static double ecdf(DriftMethod method, ReferenceColumn reference, DataTable current, DataTable.Column column,
            Map<String, Object> details) {
        ColumnProfile ref = reference.profile();
        SqlDialect d = current.dialect();
        String referenceRelation;
        double referenceWeight;
        boolean approximate = false;
        if (reference.hasData() && reference.table().dialect() == d && sameEngine(reference.table(), current)) {
            referenceRelation = "SELECT v, 1 AS w FROM (SELECT " + SqlAggregates.finite(d, reference.column()) + " AS v FROM "
                    + reference.table().from(reference.column()) + ") r WHERE v IS NOT NULL";
            referenceWeight = ref.finiteCount();
        } else {
            Distribution dist = ref.distribution();
            if (dist == null || dist.values() == null || dist.values().length == 0) {
                return Double.NaN;
            }
            approximate = !Boolean.TRUE.equals(dist.exact());
            List<String> rows = new ArrayList<>();
            long weight = 0;
            for (int i = 0; i < dist.values().length; i++) {
                if (!Double.isFinite(dist.values()[i])) {
                    return Double.NaN;
                }
                rows.add("(" + d.number(dist.values()[i]) + ", " + dist.counts()[i] + ")");
                weight += dist.counts()[i];
            }
            // One flat VALUES list: a chain of UNION ALLs this long overflows the planner's stack.
            referenceRelation = "SELECT v, w FROM (VALUES " + String.join(", ", rows) + ") AS stored(v, w)";
            referenceWeight = weight;
        }
        String currentValue = SqlAggregates.finite(d, column);
        long currentCount = current.queryOne("SELECT COUNT(" + currentValue + ") FROM " + current.from(column), rs -> rs.getLong(1));
        details.put("currentCount", currentCount);
        if (referenceWeight == 0 || currentCount == 0) {
            return Double.NaN;
        }
        String sql = "WITH g AS (SELECT v, SUM(wa) AS wa, SUM(wb) AS wb FROM ("
                + "SELECT v, w AS wa, 0 AS wb FROM (" + referenceRelation + ") ref"
                + " UNION ALL SELECT v, 0 AS wa, 1 AS wb FROM (SELECT " + currentValue + " AS v FROM " + current.from(column)
                + ") cur WHERE v IS NOT NULL) u GROUP BY v),"
                + " c AS (SELECT v, CAST(SUM(wa) OVER w AS " + d.typeName(ColumnType.DOUBLE) + ") / " + referenceWeight + " AS fa,"
                + " CAST(SUM(wb) OVER w AS " + d.typeName(ColumnType.DOUBLE) + ") / " + currentCount + " AS fb,"
                + " LEAD(v) OVER (ORDER BY v) AS nv FROM g WINDOW w AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))"
                + " SELECT MAX(ABS(fa - fb)), SUM(CASE WHEN nv IS NULL THEN 0 ELSE ABS(fa - fb) * (nv - v) END) FROM c";
        double[] result = current.queryOne(sql, rs -> new double[] {rs.getDouble(1), rs.getDouble(2)});
        if (approximate) {
            details.put("approximate", "reference profile holds a 1001-point quantile sketch, not every value");
        }
        return switch (method) {
            case KS -> {
                KolmogorovSmirnov.Result ks = KolmogorovSmirnov.fromStatistic(ref.finiteCount(), currentCount, result[0]);
                details.put("statistic", ks.statistic());
                details.put("pValueMethod", ks.method().name().toLowerCase(java.util.Locale.ROOT));
                yield ks.pValue();
            }
            case WASSERSTEIN -> result[1];
            case WASSERSTEIN_NORMED -> {
                details.put("wasserstein", result[1]);
                details.put("referenceStd", ref.std());
                yield Wasserstein.normed(result[1], ref.std() == null ? 0 : ref.std());
            }
            default -> throw new IllegalStateException(method + " is not ECDF-based");
        };
    }

    private static boolean sameEngine(DataTable a, DataTable b) {
        return a.sameConnection(b);
    }

    private static Map<String, Long> referenceCategories(ReferenceColumn reference, boolean numeric) {
        if (reference.hasData()) {
            return categoryCounts(reference.table(), reference.column(), numeric);
        }
        Distribution dist = reference.profile().distribution();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (dist == null) {
            return counts;
        }
        if (dist.categories() != null) {
            for (ValueCount vc : dist.categories()) {
                counts.put(vc.value(), vc.count());
            }
            if (dist.otherCount() != null && dist.otherCount() > 0) {
                counts.put(OTHER, dist.otherCount());
            }
        } else if (dist.values() != null) {
            if (!Boolean.TRUE.equals(dist.exact())) {
                throw new BadInputException(reference.profile().name()
                        + ": the reference profile has no exact value counts to compare as categories");
            }
            for (int i = 0; i < dist.values().length; i++) {
                counts.put(Double.toString(dist.values()[i]), dist.counts()[i]);
            }
        }
        return counts;
    }

    /** Category → count, most frequent first; numbers keyed by their Java text so both sides agree. */
    static Map<String, Long> categoryCounts(DataTable table, DataTable.Column column, boolean numeric) {
        return table.memo("categories " + numeric + " " + column.name(), () -> countCategories(table, column, numeric));
    }

    private static Map<String, Long> countCategories(DataTable table, DataTable.Column column, boolean numeric) {
        SqlDialect d = table.dialect();
        String value = numeric ? SqlAggregates.finite(d, column) : column.value();
        Map<String, Long> counts = new LinkedHashMap<>();
        int limit = Profiler.MAX_EXACT_VALUES;
        List<Object[]> rows = new ArrayList<>();
        table.query("SELECT " + (numeric ? "v" : d.toText("v")) + ", n FROM (SELECT " + value + " AS v, COUNT(*) AS n FROM "
                + table.from(column) + " GROUP BY " + value + ") t WHERE v IS NOT NULL ORDER BY n DESC, 1 LIMIT " + (limit + 1),
                rs -> rows.add(new Object[] {numeric ? Double.toString(rs.getDouble(1)) : rs.getString(1), rs.getLong(2)}));
        long total = 0;
        for (int i = 0; i < rows.size() && i < limit; i++) {
            counts.put((String) rows.get(i)[0], (Long) rows.get(i)[1]);
            total += (Long) rows.get(i)[1];
        }
        if (rows.size() > limit) {
            long all = table.queryOne("SELECT COUNT(" + value + ") FROM " + table.from(column), rs -> rs.getLong(1));
            counts.put(OTHER, all - total);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Distinct finite values of a numeric column in reference and current together, counting up to {@code cap}. */
    private static int distinctUpTo(ReferenceColumn reference, DataTable current, DataTable.Column column, int cap) {
        Set<String> values = new HashSet<>();
        ColumnProfile ref = reference.profile();
        // The reference decides most columns without touching the current data.
        if (ref.distinct() != null && ref.distinct() > 2L * cap) {
            return cap;
        }
        Distribution dist = ref.distribution();
        if (dist != null && dist.categories() != null) {
            dist.categories().forEach(vc -> values.add(vc.value()));
            if (dist.otherCount() != null && dist.otherCount() > 0) {
                return cap;
            }
        } else if (dist != null && dist.values() != null) {
            if (!Boolean.TRUE.equals(dist.exact())) {
                return cap;
            }
            for (double v : dist.values()) {
                values.add(Double.toString(v));
            }
        } else if (reference.hasData()) {
            addDistinct(values, reference.table(), reference.column(), cap);
        } else {
            return cap;
        }
        if (values.size() >= cap) {
            return cap;
        }
        addDistinct(values, current, column, cap);
        return Math.min(values.size(), cap);
    }

    private static void addDistinct(Set<String> values, DataTable table, DataTable.Column column, int cap) {
        table.query("SELECT DISTINCT v FROM (SELECT " + SqlAggregates.finite(table.dialect(), column) + " AS v FROM "
                + table.from(column) + ") t WHERE v IS NOT NULL LIMIT " + (cap + 1), rs -> values.add(Double.toString(rs.getDouble(1))));
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
