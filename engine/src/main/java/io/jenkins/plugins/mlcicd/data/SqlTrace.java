package io.jenkins.plugins.mlcicd.data;

/**
 * {@code MLCICD_TRACE_SQL=1} prints each statement (cut at 160 characters) and its duration to stderr,
 * {@code MLCICD_TRACE_SQL=full} the whole statement: for tuning the generated SQL on real data.
 */
final class SqlTrace {
    private static final String MODE = System.getenv("MLCICD_TRACE_SQL");

    private SqlTrace() {
    }

    static void log(long startNanos, String sql) {
        if (MODE == null) {
            return;
        }
        String shown = MODE.equals("full") || sql.length() <= 160 ? sql : sql.substring(0, 160) + "…";
        System.err.printf("mlcicd-sql %6d ms  %s%n", (System.nanoTime() - startNanos) / 1_000_000, shown);
    }
}
