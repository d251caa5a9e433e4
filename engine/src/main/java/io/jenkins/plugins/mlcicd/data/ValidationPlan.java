package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.data.DataContract.ColumnRule;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            Map<String, ColumnType> plan = new LinkedHashMap<>();
            for (SourceColumn column : columns) {
                ColumnRule rule = contract.column(column.name());
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
        List<Check> extra = new ArrayList<>();
        for (ColumnRule rule : contract.columns()) {
            DataTable.Column c = table.column(rule.name());
            if (rule.type() != null || c == null || c.invalidText() == null) {
                continue;
            }
            long invalid = table.queryOne("SELECT COUNT(" + c.invalidText() + ") FROM " + table.from(), rs -> rs.getLong(1));
            if (invalid > 0) {
                extra.add(new Check(rule.name() + ".type", Verdict.FAILED, (double) invalid, null, null, "0",
                        invalid + " value(s) are not numbers, yet the contract bounds the column by numbers",
                        Map.of("count", invalid)));
            }
        }
        return extra;
    }
}
