package io.jenkins.plugins.mlcicd.data;

/**
 * Spark SQL (4.x, ANSI mode on as by default), run through Spark Connect. Identifiers are quoted with
 * backticks and string literals escape backslashes (Spark unescapes them). {@code try_cast} alone is
 * not the contract's notion of "parses": it accepts '1.5' → NULL for integers but also '1.5d' for
 * doubles, '2024' for dates and 't' for booleans, so text is first matched against the type's lexical
 * form, as for PostgreSQL, and only then cast (a day a month lacks becomes NULL through try_cast).
 */
public final class SparkDialect implements SqlDialect {
    public static final SparkDialect INSTANCE = new SparkDialect();
    private static final String INTEGER_TEXT = "^\\s*[-+]?[0-9]+\\s*$";
    private static final String DOUBLE_TEXT =
            "^\\s*([-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?(inf|infinity)|nan)\\s*$";
    private static final String BOOLEAN_TEXT = "^\\s*(true|false|t|f|1|0)\\s*$";
    private static final String DATE_TEXT = "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$";
    private static final String TIMESTAMP_TEXT =
            "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?\\s*$";

    private SparkDialect() {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case STRING -> "STRING";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            // DuckDB's and PostgreSQL's TIMESTAMP: a wall-clock time without a zone.
            case TIMESTAMP -> "TIMESTAMP_NTZ";
        };
    }

    @Override
    public String toText(String expression) {
        return "CAST(" + expression + " AS STRING)";
    }

    @Override
    public String parse(String text, ColumnType type) {
        String pattern = switch (type) {
            case STRING -> null;
            case INTEGER -> INTEGER_TEXT;
            case DOUBLE -> DOUBLE_TEXT;
            case BOOLEAN -> BOOLEAN_TEXT;
            case DATE -> DATE_TEXT;
            case TIMESTAMP -> TIMESTAMP_TEXT;
        };
        if (pattern == null) {
            return text;
        }
        String cast = "try_cast(trim(" + text + ") AS " + typeName(type) + ")";
        if (type == ColumnType.DOUBLE) {
            // A literal beyond the double range would silently become infinity; only 'inf' words may.
            cast = "CASE WHEN abs(" + cast + ") = CAST('Infinity' AS DOUBLE) AND NOT lower(" + text
                    + ") LIKE '%inf%' THEN NULL ELSE " + cast + " END";
        }
        return "CASE WHEN lower(" + text + ") RLIKE " + string(pattern) + " THEN " + cast + " END";
    }

    @Override
    public String isNaN(String expression) {
        return "isnan(" + expression + ")";
    }

    @Override
    public String fullMatch(String expression, String pattern) {
        return "(" + expression + " RLIKE " + string("^(?:" + pattern + ")$") + ")";
    }

    @Override
    public String approxDistinct(String expression) {
        return "approx_count_distinct(" + expression + ")";
    }

    /** Spark SQL 4.0 has IS DISTINCT FROM too; {@code <=>} is its older, documented null-safe equality. */
    @Override
    public String differs(String a, String b) {
        return "NOT (" + a + " <=> " + b + ")";
    }
}
