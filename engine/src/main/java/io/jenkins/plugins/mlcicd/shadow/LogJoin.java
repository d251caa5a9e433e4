package io.jenkins.plugins.mlcicd.shadow;

import io.jenkins.plugins.mlcicd.data.FileTables;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Joins the prediction logs both models already wrote (mirrored traffic) on the request key,
 * through DuckDB (CSV, Parquet, JSON Lines, globs, directories), and streams the joined rows into
 * the same statistics a replay fills. Keys found in only one log are counted on their side.
 */
public final class LogJoin {
    /**
     * @param baselineLog   the baseline's prediction log
     * @param candidateLog  the candidate's prediction log
     * @param key           the request key column (both logs)
     * @param score         the score column (both logs)
     * @param latencyMs     the latency column in milliseconds; used when present (required when named explicitly)
     * @param errorColumn   a column that is set (non-empty) when the request failed; used when present
     * @param slice         a column whose values slice the comparison, or null
     * @param explicit      which of latencyMs/errorColumn the user named (then they must exist)
     * @param maxRequests   compare at most this many matched keys, or null
     * @param duration      with follow: how long to wait for the logs to fill, or null
     * @param follow        keep re-reading the (growing) logs until maxRequests matched keys or the duration
     * @param poll          how often to re-read when following
     */
    public record Options(Path baselineLog, Path candidateLog, String key, String score, String latencyMs,
            String errorColumn, String slice, Set<String> explicit, Long maxRequests, Duration duration, boolean follow,
            Duration poll) {
        public Options {
            explicit = explicit == null ? Set.of() : Set.copyOf(explicit);
            if (follow && maxRequests == null && duration == null) {
                throw new IllegalArgumentException("--follow needs a budget: --max-requests and/or --duration");
            }
        }
    }

    /** What the join found. */
    public record Outcome(long matched, long onlyBaseline, long onlyCandidate, String stopReason) {
    }

    private final Options options;
    private final Connection db;
    private final String baselineScan;
    private final String candidateScan;
    private final Set<String> baselineColumns;
    private final Set<String> candidateColumns;

    public LogJoin(Connection db, Options options) {
        this.db = db;
        this.options = options;
        this.baselineScan = FileTables.scan(options.baselineLog());
        this.candidateScan = FileTables.scan(options.candidateLog());
        this.baselineColumns = columns(baselineScan, options.baselineLog(), "--baseline-log");
        this.candidateColumns = columns(candidateScan, options.candidateLog(), "--candidate-log");
    }

    private Set<String> columns(String scan, Path path, String option) {
        Set<String> names = new LinkedHashSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new BadInputException(option + " " + path + ": " + firstLine(e.getMessage()));
        }
        for (String column : new String[] {options.key(), options.score()}) {
            require(names, column, path, option);
        }
        if (options.slice() != null && option.equals("--baseline-log")) {
            require(names, options.slice(), path, option);
        }
        if (options.explicit().contains("latency") && options.latencyMs() != null) {
            require(names, options.latencyMs(), path, option);
        }
        if (options.explicit().contains("error") && options.errorColumn() != null) {
            require(names, options.errorColumn(), path, option);
        }
        return names;
    }

    private static void require(Set<String> names, String column, Path path, String option) {
        if (!names.contains(column)) {
            throw new BadInputException(option + " " + path + ": no column '" + column + "' (columns: "
                    + String.join(", ", names) + ")");
        }
    }

    /** One side's rows as (key, score, latency, error[, slice]). */
    private String side(String scan, Set<String> columns, boolean withSlice) {
        String latency = options.latencyMs() != null && columns.contains(options.latencyMs())
                ? "TRY_CAST(" + FileTables.sqlIdentifier(options.latencyMs()) + " AS DOUBLE)" : "NULL::DOUBLE";
        String error = options.errorColumn() != null && columns.contains(options.errorColumn())
                ? "NULLIF(TRIM(CAST(" + FileTables.sqlIdentifier(options.errorColumn()) + " AS VARCHAR)), '')" : "NULL::VARCHAR";
        String slice = withSlice && options.slice() != null
                ? ", CAST(" + FileTables.sqlIdentifier(options.slice()) + " AS VARCHAR) AS slice" : "";
        return "(SELECT CAST(" + FileTables.sqlIdentifier(options.key()) + " AS VARCHAR) AS key, TRY_CAST("
                + FileTables.sqlIdentifier(options.score()) + " AS DOUBLE) AS score, " + latency + " AS latency, "
                + error + " AS error" + slice + " FROM " + scan + ")";
    }

    /** The joined scores as a relation (key, baseline, candidate), for the label comparison. */
    public String scoresRelation() {
        return "(SELECT b.key AS key, CASE WHEN b.error IS NULL THEN b.score END AS baseline, "
                + "CASE WHEN c.error IS NULL THEN c.score END AS candidate FROM "
                + side(baselineScan, baselineColumns, false) + " b JOIN " + side(candidateScan, candidateColumns, false)
                + " c ON b.key = c.key)";
    }

    /**
     * Waits (with follow) for enough matched keys, then streams the join into the sink and stats.
     *
     * @param progress told the matched count while following
     */
    public Outcome run(ModelStats baseline, ModelStats candidate, PairSink sink, StopSignal stop, LongConsumer progress) {
        String reason = null;
        long start = System.nanoTime();
        if (options.follow()) {
            reason = follow(stop, progress, start);
        }
        String b = side(baselineScan, baselineColumns, true);
        String c = side(candidateScan, candidateColumns, false);
        String limit = options.maxRequests() == null ? "" : " LIMIT " + options.maxRequests();
        long matched = 0;
        try (Statement st = db.createStatement()) {
            String sql = "SELECT b.key, b.score, b.latency, b.error, c.score, c.latency, c.error"
                    + (options.slice() != null ? ", b.slice" : "") + " FROM " + b + " b JOIN " + c
                    + " c ON b.key = c.key ORDER BY b.key" + limit;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    if (stop.stopped()) {
                        break;
                    }
                    Answer baselineAnswer = answer(rs, 2);
                    Answer candidateAnswer = answer(rs, 5);
                    baseline.record(baselineAnswer);
                    candidate.record(candidateAnswer);
                    sink.accept(rs.getString(1), options.slice() != null ? String.valueOf(rs.getString(8)) : null,
                            baselineAnswer, candidateAnswer);
                    matched++;
                }
            }
            long onlyBaseline;
            long onlyCandidate;
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM " + b + " b ANTI JOIN " + c
                    + " c ON b.key = c.key), (SELECT count(*) FROM " + c + " c ANTI JOIN " + b + " b ON b.key = c.key)")) {
                rs.next();
                onlyBaseline = rs.getLong(1);
                onlyCandidate = rs.getLong(2);
            }
            if (reason == null) {
                reason = options.maxRequests() != null && matched >= options.maxRequests()
                        ? "max requests reached" : "end of the logs";
            }
            if (stop.stopped()) {
                reason = stop.reason();
            }
            return new Outcome(matched, onlyBaseline, onlyCandidate, reason);
        } catch (SQLException e) {
            throw new BadInputException("joining " + options.baselineLog() + " and " + options.candidateLog() + " on "
                    + options.key() + ": " + firstLine(e.getMessage()));
        }
    }

    private String follow(StopSignal stop, LongConsumer progress, long start) {
        long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        String count = "SELECT count(*) FROM " + side(baselineScan, baselineColumns, false) + " b JOIN "
                + side(candidateScan, candidateColumns, false) + " c ON b.key = c.key";
        while (!stop.stopped()) {
            long matched;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(count)) {
                rs.next();
                matched = rs.getLong(1);
            } catch (SQLException e) {
                throw new BadInputException("following " + options.baselineLog() + " and " + options.candidateLog()
                        + ": " + firstLine(e.getMessage()));
            }
            progress.accept(matched);
            if (options.maxRequests() != null && matched >= options.maxRequests()) {
                return "max requests reached";
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return "duration reached";
            }
            long sleep = Math.min(options.poll().toNanos(), deadline - now);
            try {
                Thread.sleep(Math.max(1, sleep / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.stop("interrupted");
            }
        }
        return stop.reason();
    }

    private static Answer answer(ResultSet rs, int first) throws SQLException {
        double score = rs.getDouble(first);
        boolean noScore = rs.wasNull() || !Double.isFinite(score);
        double latency = rs.getDouble(first + 1);
        long micros = rs.wasNull() ? -1 : Math.round(latency * 1000);
        String error = rs.getString(first + 2);
        if (error != null) {
            return Answer.failed(ErrorKind.LOGGED, micros);
        }
        if (noScore) {
            return Answer.failed(ErrorKind.MISSING_SCORE, micros);
        }
        return Answer.scored(score, null, micros);
    }

    private static String firstLine(String message) {
        return message == null ? "query failed" : message.lines().findFirst().orElse("query failed");
    }
}
