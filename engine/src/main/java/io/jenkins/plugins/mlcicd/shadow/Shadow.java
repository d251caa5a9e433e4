package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.data.FileTables;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The shadow-evaluation engine's entry point: a replay of a request log against both models, or a
 * join of the prediction logs they wrote, compared into one result document of kind {@code shadow}.
 */
public final class Shadow {
    /**
     * What the engine reports while it runs.
     *
     * @see Replay.Progress
     */
    public interface Listener extends Replay.Progress {
        /** Matched keys so far while following growing logs. */
        default void matched(long matched) {
        }
    }

    private Shadow() {
    }

    /** Replays {@code replay.requests()} against both models and compares their answers. */
    public static ResultDocument replay(ReplayOptions replay, String scorePointer, String decisionPointer,
            CompareOptions compare, Guardrails guardrails, GatePolicy policy, LabelComparison.Options labels,
            StopSignal stop, Listener listener, ModelStats baseline, ModelStats candidate) {
        Instant started = Instant.now();
        ScoreExtractor extractor = new ScoreExtractor(scorePointer, decisionPointer);
        Comparison comparison = new Comparison(compare.threshold(), compare.reservoirSize(), compare.worst(),
                replay.sliceField() != null);
        Path work = labels == null ? null : LabelComparison.workDirectory();
        try {
            ScoreSpool spool = work == null ? null : new ScoreSpool(work.resolve("scores.csv"));
            PairSink sink = spool == null ? comparison::add : (id, slice, b, c) -> {
                comparison.add(id, slice, b, c);
                spool.accept(id, slice, b, c);
            };
            Replay.Outcome outcome;
            try {
                outcome = new Replay(replay, extractor, baseline, candidate, sink, stop).run(listener);
            } finally {
                if (spool != null) {
                    spool.close();
                }
            }
            ObjectNode input = JsonNodeFactory.instance.objectNode();
            input.put("requests", replay.requests().toString());
            if (replay.sliceField() != null) {
                input.put("slice", replay.sliceField());
            }
            input.put("sent", outcome.sent());
            input.put("skippedLines", outcome.skippedLines());
            if (outcome.firstSkipped() != null) {
                input.put("firstSkipped", outcome.firstSkipped());
            }
            input.put("baselineUrl", publicUrl(replay.baseline().url()));
            input.put("candidateUrl", publicUrl(replay.candidate().url()));
            input.put("concurrency", replay.concurrency());
            if (replay.rate() != null) {
                input.put("rate", replay.rate());
            }
            input.put("protocol", replay.http2() ? "h2c" : "http/1.1");
            input.put("timeoutMs", replay.timeout().toMillis());
            input.put("elapsedMs", outcome.elapsedNanos() / 1_000_000);
            ObjectNode backpressure = input.putObject("backpressureMs");
            backpressure.put("baseline", outcome.baselineBackpressureMs());
            backpressure.put("candidate", outcome.candidateBackpressureMs());
            LabelComparison.Result labelResult = null;
            if (labels != null) {
                try (Connection db = FileTables.openDuckDb()) {
                    String scores = "(SELECT CAST(key AS VARCHAR) AS key, TRY_CAST(baseline AS DOUBLE) AS baseline, "
                            + "TRY_CAST(candidate AS DOUBLE) AS candidate FROM read_csv("
                            + FileTables.sqlString(spool.file().toString())
                            + ", header = true, columns = {'key': 'VARCHAR', 'baseline': 'VARCHAR', 'candidate': 'VARCHAR'}))";
                    requireUniqueIds(db, scores, replay);
                    labelResult = LabelComparison.compare(db, scores, labels, work);
                } catch (SQLException e) {
                    throw new IllegalStateException("embedded DuckDB: " + e.getMessage(), e);
                }
            }
            ShadowRun run = new ShadowRun("replay", input, baseline, candidate, comparison, outcome.elapsedNanos(),
                    outcome.stopReason(), labelResult, started);
            return ShadowDocument.of(run, guardrails, compare.threshold(), decisionPointer != null, policy);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * With labels, the request id joins a request to its label: an id on two requests would count its
     * label twice (or pair it with the wrong request), so the replay's ids must be unique. Without labels
     * an id only names samples and may repeat. Checked in DuckDB, so a log of any length stays bounded.
     */
    private static void requireUniqueIds(Connection db, String scores, ReplayOptions replay) throws SQLException {
        try (java.sql.Statement st = db.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT key, count(*) FROM " + scores
                     + " GROUP BY key HAVING count(*) > 1 ORDER BY count(*) DESC, key LIMIT 1")) {
            if (rs.next()) {
                throw new io.jenkins.plugins.mlcicd.input.BadInputException(replay.requests() + ": id "
                        + io.jenkins.plugins.mlcicd.input.Printable.quote(rs.getString(1)) + " (field '" + replay.idField()
                        + "') is on " + rs.getLong(2) + " requests; with --labels the id joins each request to its label,"
                        + " so every request needs its own id");
            }
        }
    }

    /** Joins the two models' prediction logs and compares them. */
    public static ResultDocument logJoin(LogJoin.Options join, CompareOptions compare, Guardrails guardrails,
            GatePolicy policy, LabelComparison.Options labels, StopSignal stop, Listener listener) {
        Instant started = Instant.now();
        ModelStats baseline = new ModelStats("baseline");
        ModelStats candidate = new ModelStats("candidate");
        Comparison comparison = new Comparison(compare.threshold(), compare.reservoirSize(), compare.worst(),
                join.slice() != null);
        Path work = labels == null ? null : LabelComparison.workDirectory();
        try (Connection db = FileTables.openDuckDb()) {
            LogJoin logJoin = new LogJoin(db, join);
            LongConsumer matched = listener::matched;
            LogJoin.Outcome outcome = logJoin.run(baseline, candidate, comparison::add, stop, matched);
            ObjectNode input = JsonNodeFactory.instance.objectNode();
            input.put("baselineLog", join.baselineLog().toString());
            input.put("candidateLog", join.candidateLog().toString());
            input.put("key", join.key());
            if (join.slice() != null) {
                input.put("slice", join.slice());
            }
            input.put("matched", outcome.matched());
            input.put("onlyBaseline", outcome.onlyBaseline());
            input.put("onlyCandidate", outcome.onlyCandidate());
            LabelComparison.Result labelResult = labels == null ? null
                    : LabelComparison.compare(db, logJoin.scoresRelation(), labels, work);
            ShadowRun run = new ShadowRun("log-join", input, baseline, candidate, comparison, 0, outcome.stopReason(),
                    labelResult, started);
            return ShadowDocument.of(run, guardrails, compare.threshold(), false, policy);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded DuckDB: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /** The URL without user info or query, which may hold credentials. */
    static String publicUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
