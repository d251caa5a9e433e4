package io.jenkins.plugins.mlcicd.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Columns whose non-null values strictly increase or strictly decrease from row to row, and are therefore
 * unique: an ID column exported in key order is proven unique by one streaming pass that compares each
 * value with the one before it, where counting distinct values builds a hash table of every value.
 * Any order of the rows would do for the proof, so the check holds whatever order the engine streams them in;
 * a column it cannot prove is counted exactly.
 */
final class MonotoneColumns {
    private MonotoneColumns() {
    }

    /** The names of those of {@code columns} that are strictly monotone in {@code table}'s row order. */
    static Set<String> of(DataTable table, List<DataTable.Column> columns) {
        Set<String> monotone = new HashSet<>();
        if (table.rowNumber() == null || table.dialect() == SparkDialect.INSTANCE) {
            // A database table has no row order to exploit, and would sort to give one; Spark reads files in parallel
            // splits and has no streaming order either (its lag() needs an ORDER BY, i.e. a sort).
            return monotone;
        }
        for (DataTable.Column c : columns) {
            String value = c.value();
            boolean strict = table.queryOne("SELECT " + SqlAggregates.countIf("x <= p") + ", " + SqlAggregates.countIf("x >= p")
                    + " FROM (SELECT x, lag(x) OVER () AS p FROM (SELECT " + value + " AS x FROM " + table.from(c) + " WHERE "
                    + value + " IS NOT NULL) s) w", rs -> rs.getLong(1) == 0 || rs.getLong(2) == 0);
            if (strict) {
                monotone.add(c.name());
            }
        }
        return monotone;
    }
}
