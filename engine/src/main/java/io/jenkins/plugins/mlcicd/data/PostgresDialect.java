package io.jenkins.plugins.mlcicd.data;


/**
 * PostgreSQL. It has no TRY_CAST, so text is checked against the type's lexical form before the
 * cast; the distinct count is exact (there is no built-in estimate).
 */
public final class PostgresDialect implements SqlDialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();
    private static final String INTEGER_TEXT = "^\\s*[-+]?[0-9]{1,18}\\s*$";
    private static final String DOUBLE_TEXT =
            "^\\s*([-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?|[-+]?(inf|infinity)|nan)\\s*$";
    private static final String BOOLEAN_TEXT = "^\\s*(t|f|true|false|y|n|yes|no|on|off|1|0)\\s*$";
    private static final String DATE_TEXT = "^\\s*[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\\s*$";
    private static final String TIMESTAMP_TEXT =
            "^\\s*[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?)?\\s*$";

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String typeName(ColumnType type) {
        return switch (type) {
            case INTEGER -> "bigint";
            case DOUBLE -> "double precision";
            case STRING -> "text";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
        };
    }

    @Override
    public String toText(String expression) {
        return "CAST(" + expression + " AS text)";
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
        // Day 31 of a 30-day month passes the pattern and still fails the cast: a known limit (PostgreSQL
        // 16's pg_input_is_valid would close it).
        return "CASE WHEN " + text + " ~* " + string(pattern) + " THEN CAST(trim(" + text + ") AS " + typeName(type) + ") END";
    }

    @Override
    public String isNaN(String expression) {
        return "(" + expression + " = CAST('NaN' AS double precision))";
    }

    @Override
    public String fullMatch(String expression, String pattern) {
        return "(" + expression + " ~ " + string("^(?:" + pattern + ")$") + ")";
    }

    @Override
    public String approxDistinct(String expression) {
        return "COUNT(DISTINCT " + expression + ")";
    }
}
