package io.jenkins.plugins.mlcicd.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chooses, from the source's columns, which to read typed and as what type. */
@FunctionalInterface
public interface TypePlan {
    /** Ordered column name → type; columns left out are known by name only. */
    Map<String, ColumnType> plan(List<SourceColumn> columns);

    /** Every column as the source's inferred type (profiles, contract inference). */
    static TypePlan inferred() {
        return columns -> {
            Map<String, ColumnType> plan = new LinkedHashMap<>();
            columns.forEach(c -> plan.put(c.name(), c.inferred()));
            return plan;
        };
    }
}
