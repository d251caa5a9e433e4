package io.jenkins.plugins.mlcicd.data;


/** DuckDB, the embedded engine that reads files. */
public final class DuckDbDialect implements SqlDialect {
    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String typeName(ColumnType type) {
        return type.duckDbType();
    }

    @Override
    public String toText(String expression) {
        return "CAST(" + expression + " AS VARCHAR)";
    }

    @Override
    public String parse(String text, ColumnType type) {
        return switch (type) {
            case STRING -> text;
            // TRY_CAST rounds '1.5' to 2 and accepts '1e3': only plain integers are integers.
            case INTEGER -> "CASE WHEN regexp_full_match(" + text + ", '\\s*[-+]?[0-9]+\\s*') THEN TRY_CAST("
                    + text + " AS BIGINT) END";
            // A literal beyond the double range would silently become infinity; only 'inf' words may.
            case DOUBLE -> "CASE WHEN isinf(TRY_CAST(" + text + " AS DOUBLE)) AND NOT regexp_matches(lower(" + text
                    + "), 'inf') THEN NULL ELSE TRY_CAST(" + text + " AS DOUBLE) END";
            default -> "TRY_CAST(" + text + " AS " + type.duckDbType() + ")";
        };
    }

    @Override
    public String isNaN(String expression) {
        return "isnan(" + expression + ")";
    }

    @Override
    public String fullMatch(String expression, String pattern) {
        return "regexp_full_match(" + expression + ", " + string(pattern) + ")";
    }

    @Override
    public String approxDistinct(String expression) {
        return "approx_count_distinct(" + expression + ")";
    }

    @Override
    public String firstRowPerKey(String columns, String from, String key, String rowOrder) {
        return "(SELECT " + columns + ", " + rowOrder + " AS __rid FROM " + from + " QUALIFY row_number() OVER (PARTITION BY " + key
                + " ORDER BY " + rowOrder + ") = 1)";
    }
}
