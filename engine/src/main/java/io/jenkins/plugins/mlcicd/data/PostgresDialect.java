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
        String cast = "CAST(trim(" + text + ") AS " + typeName(type) + ")";
        if (type == ColumnType.DATE || type == ColumnType.TIMESTAMP) {
            // A day the month does not have (2023-02-29, 2024-04-31) or year 0 passes the pattern but makes the
            // cast fail the whole query. CASE evaluates its branches in order, so the calendar is checked only
            // on text the pattern has shown to start with yyyy-mm-dd.
            cast = "CASE WHEN " + calendarDate("trim(" + text + ")") + " THEN " + cast + " END";
        }
        return "CASE WHEN " + text + " ~* " + string(pattern) + " THEN " + cast + " END";
    }

    /** True when the yyyy-mm-dd that {@code text} starts with is a day of the proleptic Gregorian calendar. */
    private static String calendarDate(String text) {
        String year = "CAST(substr(" + text + ", 1, 4) AS integer)";
        String month = "CAST(substr(" + text + ", 6, 2) AS integer)";
        String day = "CAST(substr(" + text + ", 9, 2) AS integer)";
        String leap = "(" + year + " % 4 = 0 AND " + year + " % 100 <> 0 OR " + year + " % 400 = 0)";
        return "(" + year + " >= 1 AND " + day + " <= CASE WHEN " + month + " = 2 THEN CASE WHEN " + leap
                + " THEN 29 ELSE 28 END WHEN " + month + " IN (4, 6, 9, 11) THEN 30 ELSE 31 END)";
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
