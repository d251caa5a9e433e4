package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.data.DataContract.ColumnRule;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract's checks on one table: all counts in one aggregate query, then at most five sample
 * rows for each check that found offenders. Check names are part of the result document's contract:
 * {@code rows}, {@code schema.missing_column}, {@code schema.extra_column}, {@code <col>.type},
 * {@code <col>.nulls}, {@code <col>.min}, {@code <col>.max}, {@code <col>.allowed}, {@code <col>.pattern},
 * {@code <col>.unique} ({@code <col>.drift} comes from {@link DriftCalculator}).
 */
public final class ContractValidator {
    /** Offending values shown per check. */
    public static final int SAMPLES = 5;

    private ContractValidator() {
    }

    /**
     * One condition of a check: its aggregate (null when the count follows from others), and how to find its
     * offending rows.
     */
    private record Counter(String check, String aggregate, String offending, String shown, DataTable.Column column) {
        Counter(String check, String aggregate, String offending, String shown) {
            this(check, aggregate, offending, shown, null);
        }
    }

    /** Runs every check of {@code contract} on {@code table}. */
    public static List<Check> validate(DataContract contract, DataTable table) {
        SqlDialect d = table.dialect();
        List<Check> checks = new ArrayList<>();
        List<Counter> counters = new ArrayList<>();
        counters.add(new Counter("rows", "COUNT(*)", null, null));
        Set<String> monotone = MonotoneColumns.of(table, contract.columns().stream()
                .filter(rule -> Boolean.TRUE.equals(rule.unique()) && table.column(rule.name()) != null)
                .map(rule -> table.column(rule.name())).toList());
        for (ColumnRule rule : contract.columns()) {
            DataTable.Column c = table.column(rule.name());
            if (c == null) {
                continue;
            }
            String v = c.value();
            counters.add(new Counter(rule.name() + ".count", "COUNT(" + v + ")", null, null, c));
            if (c.invalidText() != null) {
                counters.add(new Counter(rule.name() + ".type", "COUNT(" + c.invalidText() + ")",
                        c.invalidText() + " IS NOT NULL", c.invalidText(), c));
            } else {
                counters.add(new Counter(rule.name() + ".type", "0", null, null, c));
            }
            String isNull = v + " IS NULL" + (c.invalidText() == null ? "" : " AND " + c.invalidText() + " IS NULL");
            counters.add(new Counter(rule.name() + ".nulls", null, isNull, "NULL", c));
            if (rule.min() != null) {
                String bound = v + " < " + literal(d, rule.min(), c.type());
                counters.add(new Counter(rule.name() + ".min", SqlAggregates.countIf(bound), bound, d.toText(v), c));
                counters.add(new Counter(rule.name() + ".min.observed", observed(d, "MIN", c), null, null, c));
            }
            if (rule.max() != null) {
                String above = v + " > " + literal(d, rule.max(), c.type());
                String bound = c.type() == ColumnType.DOUBLE ? "(" + above + " OR " + d.isNaN(v) + ")" : above;
                counters.add(new Counter(rule.name() + ".max", SqlAggregates.countIf(bound), bound, d.toText(v), c));
                counters.add(new Counter(rule.name() + ".max.observed", observed(d, "MAX", c), null, null, c));
            }
            if (rule.allowed() != null) {
                String list = rule.allowed().stream().map(a -> literal(d, a, c.type())).collect(Collectors.joining(", "));
                String unexpected = v + " IS NOT NULL AND " + v + " NOT IN (" + list + ")";
                counters.add(new Counter(rule.name() + ".allowed", SqlAggregates.countIf(unexpected), unexpected, d.toText(v), c));
            }
            if (rule.pattern() != null) {
                String text = c.type() == ColumnType.STRING ? v : d.toText(v);
                String mismatch = v + " IS NOT NULL AND NOT " + d.fullMatch(text, rule.pattern());
                counters.add(new Counter(rule.name() + ".pattern", SqlAggregates.countIf(mismatch), mismatch, text, c));
            }
            if (Boolean.TRUE.equals(rule.unique())) {
                counters.add(new Counter(rule.name() + ".unique",
                        monotone.contains(rule.name()) ? "0" : "COUNT(" + v + ") - COUNT(DISTINCT " + v + ")", null, null, c));
            }
        }
        Map<String, String> values = counts(table, counters);
        Map<String, Counter> byName = counters.stream().collect(Collectors.toMap(Counter::check, x -> x, (a, b) -> a, LinkedHashMap::new));
        long rows = Long.parseLong(values.get("rows"));
        checks.add(rowsCheck(contract, rows));
        checks.addAll(schemaChecks(contract, table));
        for (ColumnRule rule : contract.columns()) {
            DataTable.Column c = table.column(rule.name());
            if (c == null) {
                continue;
            }
            String n = rule.name();
            long count = Long.parseLong(values.get(n + ".count"));
            long invalid = Long.parseLong(values.get(n + ".type"));
            long nulls = rows - count - invalid;
            if (rule.type() != null) {
                checks.add(countCheck(table, byName.get(n + ".type"), invalid, invalid, "0",
                        invalid == 0 ? "every value parses as " + rule.type().id()
                                : invalid + " value(s) do not parse as " + rule.type().id()));
            }
            Double nullLimit = rule.nullLimit();
            if (nullLimit != null) {
                double fraction = rows == 0 ? 0 : (double) nulls / rows;
                boolean fail = fraction > nullLimit;
                checks.add(withSamples(table, byName.get(n + ".nulls"), fail ? Verdict.FAILED : Verdict.PASSED, fraction,
                        "≤ " + Numbers.format(nullLimit), nulls,
                        nulls + " null(s) in " + rows + " rows (" + Numbers.format(fraction * 100) + "%)", fail));
            }
            if (rule.min() != null) {
                long below = Long.parseLong(values.get(n + ".min"));
                String observed = values.get(n + ".min.observed");
                checks.add(boundCheck(table, byName.get(n + ".min"), below, "≥ " + rule.min().asText(), observed,
                        below + " value(s) below " + rule.min().asText()));
            }
            if (rule.max() != null) {
                long above = Long.parseLong(values.get(n + ".max"));
                String observed = values.get(n + ".max.observed");
                checks.add(boundCheck(table, byName.get(n + ".max"), above, "≤ " + rule.max().asText(), observed,
                        above + " value(s) above " + rule.max().asText()));
            }
            if (rule.allowed() != null) {
                long unexpected = Long.parseLong(values.get(n + ".allowed"));
                double fraction = count == 0 ? 0 : (double) unexpected / count;
                boolean fail = fraction > rule.unexpectedLimit();
                checks.add(withSamples(table, byName.get(n + ".allowed"), fail ? Verdict.FAILED : Verdict.PASSED, fraction,
                        "≤ " + Numbers.format(rule.unexpectedLimit()), unexpected,
                        unexpected + " of " + count + " value(s) not in the allowed list", fail));
            }
            if (rule.pattern() != null) {
                long mismatches = Long.parseLong(values.get(n + ".pattern"));
                checks.add(countCheck(table, byName.get(n + ".pattern"), mismatches, mismatches, "0",
                        mismatches + " value(s) do not match " + rule.pattern()));
            }
            if (Boolean.TRUE.equals(rule.unique())) {
                long duplicates = Long.parseLong(values.get(n + ".unique"));
                checks.add(uniqueCheck(table, c, duplicates));
            }
        }
        return checks;
    }

    /**
     * The aggregates of {@code counters} by check name: one query per batch of columns ({@link DataTable#batches}),
     * each with the row count.
     */
    private static Map<String, String> counts(DataTable table, List<Counter> counters) {
        Map<DataTable.Column, List<Counter>> byColumn = new LinkedHashMap<>();
        for (Counter counter : counters) {
            if (counter.aggregate() != null && counter.column() != null) {
                byColumn.computeIfAbsent(counter.column(), k -> new ArrayList<>()).add(counter);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<List<DataTable.Column>> batches = table.batches(new ArrayList<>(byColumn.keySet()));
        if (batches.isEmpty()) {
            values.put("rows", Long.toString(table.rowCount()));
        }
        for (List<DataTable.Column> batch : batches) {
            List<Counter> counted = new ArrayList<>();
            counted.add(new Counter("rows", "COUNT(*)", null, null));
            batch.forEach(c -> counted.addAll(byColumn.get(c)));
            String sql = "SELECT " + counted.stream().map(Counter::aggregate).collect(Collectors.joining(", ")) + " FROM "
                    + table.from(batch.get(0));
            table.query(sql, rs -> {
                for (int i = 0; i < counted.size(); i++) {
                    values.put(counted.get(i).check(), rs.getString(i + 1));
                }
            });
        }
        return values;
    }

    private static String observed(SqlDialect d, String aggregate, DataTable.Column c) {
        if (c.type().isNumeric()) {
            return d.toText(aggregate + "(" + SqlAggregates.finite(d, c) + ")");
        }
        return d.toText(aggregate + "(" + c.value() + ")");
    }

    private static Check rowsCheck(DataContract contract, long rows) {
        DataContract.RowBounds bounds = contract.rows();
        Long min = bounds == null ? null : bounds.min();
        Long max = bounds == null ? null : bounds.max();
        String threshold = min != null && max != null ? "[" + min + ", " + max + "]"
                : min != null ? "≥ " + min : max != null ? "≤ " + max : null;
        if (min != null && rows < min || max != null && rows > max) {
            return Check.of("rows", Verdict.FAILED, (double) rows, threshold, rows + " rows, outside " + threshold);
        }
        if (rows == 0) {
            return Check.of("rows", Verdict.INCONCLUSIVE, 0.0, threshold, "the dataset has no rows: nothing was validated");
        }
        return Check.of("rows", Verdict.PASSED, (double) rows, threshold,
                rows + " rows" + (threshold == null ? " (no bounds in the contract)" : ""));
    }

    private static List<Check> schemaChecks(DataContract contract, DataTable table) {
        List<Check> checks = new ArrayList<>();
        for (ColumnRule rule : contract.columns()) {
            if (!table.hasColumn(rule.name())) {
                checks.add(new Check("schema.missing_column", Verdict.FAILED, 1.0, null, null, "present",
                        "column '" + rule.name() + "' is missing", Map.of("column", rule.name())));
            }
        }
        Set<String> named = contract.columns().stream().map(ColumnRule::name).collect(Collectors.toSet());
        List<String> extra = table.columnNames().stream().filter(n -> !named.contains(n)).toList();
        Verdict verdict = extra.isEmpty() ? Verdict.PASSED : switch (contract.extraColumns()) {
            case FAIL -> Verdict.FAILED;
            case WARN -> Verdict.WARNING;
            case IGNORE -> Verdict.PASSED;
        };
        String message = extra.isEmpty() ? "no columns beyond the contract"
                : extra.size() + " column(s) not in the contract: " + String.join(", ", extra.subList(0, Math.min(extra.size(), 20)))
                        + (extra.size() > 20 ? ", …" : "") + " (extraColumns: " + contract.extraColumns().id() + ")";
        checks.add(new Check("schema.extra_column", verdict, (double) extra.size(), null, null,
                "extraColumns: " + contract.extraColumns().id(), message,
                extra.isEmpty() ? Map.of() : Map.of("columns", extra.subList(0, Math.min(extra.size(), 100)))));
        return checks;
    }

    private static Check countCheck(DataTable table, Counter counter, long offenders, double value, String threshold,
            String message) {
        boolean fail = offenders > 0;
        return withSamples(table, counter, fail ? Verdict.FAILED : Verdict.PASSED, value, threshold, offenders, message, fail);
    }

    private static Check boundCheck(DataTable table, Counter counter, long offenders, String threshold, String observed,
            String message) {
        Double value = null;
        try {
            value = observed == null ? null : Double.valueOf(observed);
        } catch (NumberFormatException notNumeric) {
            // dates and text have no numeric value; the observed text goes into details
        }
        boolean fail = offenders > 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", offenders);
        if (observed != null) {
            details.put("observed", observed);
        }
        if (fail) {
            details.put("samples", samples(table, counter));
        }
        return new Check(counter.check(), fail ? Verdict.FAILED : Verdict.PASSED, value, null, null, threshold,
                fail ? message : "observed " + (observed == null ? "no values" : observed) + ", within " + threshold, details);
    }

    private static Check withSamples(DataTable table, Counter counter, Verdict verdict, double value, String threshold,
            long count, String message, boolean sample) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count);
        if (sample && count > 0) {
            details.put("samples", samples(table, counter));
        }
        return new Check(counter.check(), verdict, value, null, null, threshold, message, details);
    }

    private static Check uniqueCheck(DataTable table, DataTable.Column c, long duplicates) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", duplicates);
        if (duplicates > 0) {
            SqlDialect d = table.dialect();
            List<Map<String, Object>> samples = new ArrayList<>();
            table.query("SELECT " + d.toText(c.value()) + ", COUNT(*) FROM " + table.from(c) + " WHERE " + c.value()
                    + " IS NOT NULL GROUP BY " + c.value() + " HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, 1 LIMIT " + SAMPLES,
                    rs -> {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("value", rs.getString(1));
                        s.put("occurrences", rs.getLong(2));
                        samples.add(s);
                    });
            if (table.rowNumber() != null) {
                for (Map<String, Object> s : samples) {
                    List<Long> rows = new ArrayList<>();
                    table.query("SELECT " + table.rowNumber() + " FROM " + table.sampleFrom(c) + " WHERE " + d.toText(c.value())
                            + " = " + d.string((String) s.get("value")) + " ORDER BY 1 LIMIT " + SAMPLES, rs -> rows.add(rs.getLong(1)));
                    s.put("rows", rows);
                }
            }
            details.put("samples", samples);
        }
        return new Check(c.name() + ".unique", duplicates > 0 ? Verdict.FAILED : Verdict.PASSED, (double) duplicates, null, null,
                "0", duplicates == 0 ? "every value is unique" : duplicates + " row(s) repeat a value seen before", details);
    }

    /** Up to five offending rows: row number (and file) where the source has rows, and the value. */
    static List<Map<String, Object>> samples(DataTable table, Counter counter) {
        List<Map<String, Object>> samples = new ArrayList<>();
        if (counter.offending() == null) {
            return samples;
        }
        String row = table.rowNumber();
        String file = table.fileName();
        String select = "SELECT " + counter.shown() + (row == null ? "" : ", " + row) + (file == null ? "" : ", " + file)
                + " FROM " + (row == null ? table.from(counter.column()) : table.sampleFrom(counter.column())) + " WHERE " + counter.offending()
                + (row == null ? "" : " ORDER BY " + row + (file == null ? "" : ", " + file)) + " LIMIT " + SAMPLES;
        table.query(select, rs -> {
            Map<String, Object> s = new LinkedHashMap<>();
            if (row != null) {
                s.put("row", rs.getLong(2));
            }
            if (file != null) {
                s.put("file", rs.getString(3));
            }
            s.put("value", rs.getString(1));
            samples.add(s);
        });
        return samples;
    }

    /** A contract value as a SQL literal of the column's type. */
    static String literal(SqlDialect d, JsonNode value, ColumnType type) {
        if (type.isNumeric()) {
            if (!value.isNumber()) {
                try {
                    return d.number(Double.parseDouble(value.asText()));
                } catch (NumberFormatException e) {
                    throw new io.jenkins.plugins.mlcicd.input.BadInputException("'" + value.asText() + "' is not a number");
                }
            }
            return d.number(value.asDouble());
        }
        if (type == ColumnType.STRING) {
            return d.string(value.asText());
        }
        return d.literal(value.asText(), type);
    }
}
