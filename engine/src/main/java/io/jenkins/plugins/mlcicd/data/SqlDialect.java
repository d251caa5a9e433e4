package io.jenkins.plugins.mlcicd.data;

/**
 * The SQL that differs between engines. Everything else the data checks generate is standard SQL
 * (COUNT, MIN, MAX, AVG, STDDEV_POP, CASE, GROUP BY, window functions, LIMIT) so that it runs in the
 * database and only aggregates come back. A Spark SQL or Trino dialect implements these methods
 * (docs/data.md lists which statement needs which).
 */
public interface SqlDialect {
    /** A short name for messages. */
    String name();

    /** A quoted identifier. */
    default String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal. */
    default String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The type name of a contract type. */
    String typeName(ColumnType type);

    /** {@code text} as text: a cast to the engine's string type. */
    String toText(String expression);

    /**
     * {@code text} (a string expression) converted to {@code type}, NULL when it does not parse — never an
     * error and never a rounded or overflowed value.
     */
    String parse(String text, ColumnType type);

    /** True when x is a floating-point NaN. */
    String isNaN(String expression);

    /** Whether a string matches a regular expression in full. */
    String fullMatch(String expression, String pattern);

    /** An aggregate estimating the number of distinct non-null values. */
    String approxDistinct(String expression);

    /** A numeric literal that round-trips exactly (also NaN and infinities where the engine has them). */
    default String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("no literal for " + value);
        }
        return "CAST(" + Double.toString(value) + " AS " + typeName(ColumnType.DOUBLE) + ")";
    }

    /** A literal of a contract type from its text form (dates, timestamps). */
    default String literal(String text, ColumnType type) {
        return "CAST(" + string(text) + " AS " + typeName(type) + ")";
    }

    /** True when a and b differ, a NULL being equal only to a NULL (standard SQL's IS DISTINCT FROM). */
    default String differs(String a, String b) {
        return a + " IS DISTINCT FROM " + b;
    }

    /**
     * A derived table of {@code columns} of {@code from} keeping the first row of each {@code key} in {@code rowOrder},
     * which it exposes as {@code __rid} (skew compares the first row of a repeated key). Standard SQL: a window in a
     * subquery; DuckDB filters with QUALIFY.
     */
    default String firstRowPerKey(String columns, String from, String key, String rowOrder) {
        return "(SELECT * FROM (SELECT " + columns + ", " + rowOrder + " AS __rid, row_number() OVER (PARTITION BY " + key
                + " ORDER BY " + rowOrder + ") AS __first FROM " + from + ") f WHERE __first = 1)";
    }
}
