package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.data.DataContract.ColumnRule;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which type each contract column is read as. */
final class ValidationPlan {
    private ValidationPlan() {
    }

    /**
     * The declared type; else a number when the contract bounds it by numbers; else the source's own type
     * for typed sources (Parquet, JSON, databases) and text for CSV, where the sniffer's guess is not a
     * promise (a later row may not parse, and a guess must not turn it into a silent null).
     */
    static TypePlan forContract(DataContract contract) {
        return columns -> {
            Map<String, ColumnRule> rules = new HashMap<>();
            contract.columns().forEach(rule -> rules.put(rule.name(), rule));
            Map<String, ColumnType> plan = new LinkedHashMap<>();
            for (SourceColumn column : columns) {
                ColumnRule rule = rules.get(column.name());
                if (rule == null) {
                    continue;
                }
                ColumnType type = rule.type();
                if (type == null && (rule.min() != null && rule.min().isNumber() || rule.max() != null && rule.max().isNumber())) {
                    type = ColumnType.DOUBLE;
                }
                if (type == null) {
                    type = column.text() ? ColumnType.STRING : column.inferred();
                }
                plan.put(column.name(), type);
            }
            return plan;
        };
    }

    /**
     * A {@code <col>.type} check for a column without a declared type whose values did not parse as the
     * type its numeric bounds imply: those values are reported, not dropped.
     */
    static List<Check> undeclaredTypeViolations(DataContract contract, DataTable table, List<Check> existing) {
        List<DataTable.Column> undeclared = new ArrayList<>();
        Map<DataTable.Column, ColumnRule> ruleOf = new HashMap<>();
        for (ColumnRule rule : contract.columns()) {
            DataTable.Column c = table.column(rule.name());
            if (rule.type() == null && c != null && c.invalidText() != null) {
                undeclared.add(c);
                ruleOf.put(c, rule);
            }
        }
        // one query per batch of columns, not one scan per column
        Map<DataTable.Column, Long> counts = new HashMap<>();
        for (List<DataTable.Column> batch : table.batches(undeclared)) {
            String select = batch.stream().map(c -> "COUNT(" + c.invalidText() + ")").collect(Collectors.joining(", "));
            table.query("SELECT " + select + " FROM " + table.from(batch.get(0)), rs -> {
                for (int i = 0; i < batch.size(); i++) {
                    counts.put(batch.get(i), rs.getLong(i + 1));
                }
            });
        }
        List<Check> extra = new ArrayList<>();
        for (DataTable.Column c : undeclared) {
            ColumnRule rule = ruleOf.get(c);
            long invalid = counts.get(c);
            if (invalid > 0) {
                extra.add(new Check(rule.name() + ".type", Verdict.FAILED, (double) invalid, null, null, "0",
                        invalid + " value(s) are not numbers, yet the contract bounds the column by numbers",
                        Map.of("count", invalid)));
            }
        }
        return extra;
    }
}
