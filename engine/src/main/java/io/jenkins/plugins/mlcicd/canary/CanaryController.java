package io.jenkins.plugins.mlcicd.canary;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The rollout state machine: ready → stage k (set the weight, analyse every interval, advance when
 * the stage's time is covered by analyses and the latest one passed) → promoted; or → rolling-back →
 * rolled-back | aborted | rollback-failed. Clock, router and metric source are injected, so the whole
 * machine runs in unit tests on a fake clock; the state is handed to the listener after every change
 * so that a new process can resume it.
 *
 * <p>Timing: the first analysis of a stage is one interval after its weight is set (the metrics need
 * that long to show the new traffic); a breach visible just after an analysis is seen by the next one,
 * so a rollback starts at most interval × (failureLimit + 1) after a breach becomes visible, plus one
 * query timeout, plus one rollback attempt — the arithmetic the plan is validated against.
 */
public final class CanaryController {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** What a resumed rollout in a stage does. */
    public enum OnResume {
        CONTINUE, ROLLBACK
    }

    private final CanaryPlan plan;
    private final RolloutState state;
    private final RolloutClock clock;
    private final TrafficRouter router;
    private final TrafficRouter rollbackRouter;
    private final MetricSource metrics;
    private final RolloutListener listener;
    private volatile String abortReason;
    private Instant stageAnchor;

    public CanaryController(CanaryPlan plan, RolloutState state, RolloutClock clock, TrafficRouter router,
                            TrafficRouter rollbackRouter, MetricSource metrics, RolloutListener listener) {
        this.plan = plan;
        this.state = state;
        this.clock = clock;
        this.router = router;
        this.rollbackRouter = rollbackRouter;
        this.metrics = metrics;
        this.listener = listener;
    }

    /** Asks the running rollout to roll back now (a signal, a build abort); thread-safe. */
    public void requestAbort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
    }

    public RolloutState state() {
        return state;
    }

    /** Drives the rollout (new or resumed) to a finished phase. */
    public RolloutState run(OnResume onResume) {
        if (state.phase.finished()) {
            return state;
        }
        if (state.startedAt == null) {
            state.startedAt = clock.now().toString();
            state.planDigest = plan.digest();
        }
        if (state.phase == Phase.ROLLING_BACK) {
            record(label(), Phase.ROLLING_BACK.id(), "resumed: finishing the rollback that had started (" + state.reason + ")");
            rollBack();
            return state;
        }
        try {
            if (state.phase == Phase.READY) {
                enterStage(0, "rollout started");
            } else if (onResume == OnResume.ROLLBACK) {
                startRollback(Phase.ROLLED_BACK, "resumed with on-resume: rollback");
                return state;
            } else {
                resumeStage();
            }
            while (state.phase == Phase.STAGE) {
                step();
            }
        } catch (AbortSignal abort) {
            startRollback(Phase.ABORTED, "aborted: " + abort.getMessage());
        } catch (Stopped stopped) {
            // the rollback already ran
        }
        return state;
    }

    /** Rolls the recorded rollout back now and ends it as aborted (nothing to do if it has finished). */
    public RolloutState abort(String reason) {
        if (state.phase.finished()) {
            return state;
        }
        if (state.phase == Phase.READY) {
            // the state is written before every router call, so READY means no traffic ever moved
            record("ready", Phase.ABORTED.id(), "aborted before any traffic moved: " + reason);
            state.phase = Phase.ABORTED;
            state.reason = reason;
            state.finishedAt = clock.now().toString();
            listener.changed(state);
            return state;
        }
        if (state.phase == Phase.ROLLING_BACK) {
            rollBack();
            return state;
        }
        startRollback(Phase.ABORTED, "aborted: " + reason);
        return state;
    }

    private void step() {
        Stage stage = plan.stages().get(state.stage);
        if (stage.duration() == null) {
            finish(Phase.PROMOTED, "last stage reached at " + stage.weight() + "%");
            return;
        }
        waitUntil(stageAnchor.plusMillis(state.stageObservedMs).plus(plan.interval()));
        Analysis analysis = analyse();
        state.stageObservedMs = Duration.between(stageAnchor, clock.now()).toMillis();
        state.analyses.add(analysis);
        state.lastOutcome = analysis.outcome();
        switch (analysis.outcome()) {
            case Analysis.PASSED -> state.consecutiveFailures = 0;
            case Analysis.FAILED -> state.consecutiveFailures++;
            default -> {
                // inconclusive or unreachable: neither a pass nor (under noData: fail it is FAILED) a failure
            }
        }
        boolean unreachable = analysis.checks().stream().anyMatch(c -> Boolean.TRUE.equals(c.details().get("unreachable")));
        state.consecutiveUnreachable = unreachable ? state.consecutiveUnreachable + 1 : 0;
        listener.changed(state);
        if (state.consecutiveFailures > plan.failureLimit()) {
            startRollback(Phase.ROLLED_BACK, state.consecutiveFailures + " consecutive failed analyses (failureLimit "
                    + plan.failureLimit() + "): " + failures(analysis));
            return;
        }
        if (state.consecutiveUnreachable > plan.failureLimit()) {
            startRollback(Phase.ROLLED_BACK, "metric source unreachable in " + state.consecutiveUnreachable
                    + " consecutive analyses (failureLimit " + plan.failureLimit() + "): " + unreachableProblem(analysis));
            return;
        }
        checkAbort();
        if (state.stageObservedMs >= stage.duration().toMillis()) {
            if (Analysis.PASSED.equals(state.lastOutcome)) {
                if (state.stage + 1 < plan.stages().size()) {
                    enterStage(state.stage + 1, "stage " + (state.stage + 1) + " passed " + analysesInStage()
                            + " analyses over " + Duration.ofMillis(state.stageObservedMs).toSeconds() + " s");
                } else {
                    finish(Phase.PROMOTED, "last stage passed at " + stage.weight() + "%");
                }
            } else {
                long grace = plan.interval().multipliedBy(plan.failureLimit() + 1L).toMillis();
                if (state.stageObservedMs >= stage.duration().toMillis() + grace) {
                    startRollback(Phase.ROLLED_BACK, "stage " + (state.stage + 1) + " ended without a passing analysis"
                            + " for " + (plan.failureLimit() + 1) + " intervals past its duration (latest: "
                            + state.lastOutcome + ")");
                }
            }
        }
    }

    private Analysis analyse() {
        record Query(Guardrail guardrail, String slice, String name) {
        }
        List<Query> queries = new ArrayList<>();
        for (Guardrail g : plan.guardrails()) {
            if (g.usesSlices()) {
                for (String slice : plan.slices()) {
                    queries.add(new Query(g, slice, g.name() + "[slice=" + slice + "]"));
                }
            } else {
                queries.add(new Query(g, null, g.name()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, 2 * queries.size()), r -> {
            Thread t = new Thread(r, "mlcicd-canary-query");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Reading>> canary = new ArrayList<>();
            List<Future<Reading>> baseline = new ArrayList<>();
            for (Query q : queries) {
                canary.add(pool.submit(() -> metrics.query(expand(q.guardrail().query(), "canary", q.slice()))));
                baseline.add(q.guardrail().needsBaseline()
                        ? pool.submit(() -> metrics.query(expand(q.guardrail().query(), "baseline", q.slice()))) : null);
            }
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                Reading c = canary.get(i).get();
                Reading b = baseline.get(i) == null ? null : baseline.get(i).get();
                RolloutState.Samples samples = state.samples.computeIfAbsent(q.name(), k -> new RolloutState.Samples());
                if (c.usable() && Double.isFinite(c.value()) && b != null && b.usable() && Double.isFinite(b.value())) {
                    samples.canary.add(c.value());
                    samples.baseline.add(b.value());
                }
                Check check = Judge.judge(q.guardrail(), q.name(), q.slice(), c, b == null ? c : b, samples, plan.noData());
                if (c.unreachable() || b != null && b.unreachable()) {
                    Map<String, Object> details = new java.util.LinkedHashMap<>(check.details());
                    details.put("unreachable", true);
                    check = new Check(check.name(), check.verdict(), check.value(), check.baseline(), check.delta(),
                            check.threshold(), check.message(), details);
                }
                checks.add(check);
            }
            return new Analysis(clock.now().toString(), state.stage, state.weight, outcome(checks), checks);
        } catch (InterruptedException e) {
            throw new AbortSignal(abortReason != null ? abortReason : "interrupted during an analysis");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a metric query failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.FAILED)) {
            return Analysis.FAILED;
        }
        if (checks.stream().anyMatch(c -> Boolean.TRUE.equals(c.details().get("unreachable")))) {
            return Analysis.UNREACHABLE;
        }
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE && !Boolean.TRUE.equals(c.details().get(Judge.IGNORED)))) {
            return Analysis.INCONCLUSIVE;
        }
        return Analysis.PASSED;
    }

    static String expand(String query, String variant, String slice) {
        String q = query.replace("${VARIANT}", variant);
        return slice == null ? q : q.replace("${SLICE}", slice);
    }

    private void enterStage(int index, String reason) {
        Stage stage = plan.stages().get(index);
        String from = label();
        state.phase = Phase.STAGE;
        state.stage = index;
        state.weight = stage.weight();
        state.stageObservedMs = 0;
        state.consecutiveFailures = 0;
        state.consecutiveUnreachable = 0;
        state.lastOutcome = null;
        state.samples.clear();
        // recorded before the router is called: a crash in between resumes into this stage and sets the weight again
        record(from, label(), reason);
        setWeight(stage.weight());
        stageAnchor = clock.now();
    }

    private void resumeStage() {
        Stage stage = plan.stages().get(state.stage);
        record(label(), label(), "resumed after a restart; " + Duration.ofMillis(state.stageObservedMs).toSeconds()
                + " s of the stage were already analysed and count");
        // the old process may have died between recording the stage and setting its weight
        setWeight(stage.weight());
        stageAnchor = clock.now().minusMillis(state.stageObservedMs);
    }

    private void setWeight(int weight) {
        String last = null;
        int attempts = plan.router().attempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            checkAbort();
            try {
                router.setWeight(weight);
                return;
            } catch (RouterException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                throw new AbortSignal(abortReason != null ? abortReason : "interrupted while setting the weight");
            }
            if (attempt < attempts) {
                sleepInterruptibly(backoff(attempt));
            }
        }
        startRollback(Phase.ROLLED_BACK, "the router could not set " + weight + "% in " + attempts + " attempts: " + last);
        throw new Stopped();
    }

    private void startRollback(Phase endsIn, String reason) {
        String from = label();
        state.phase = Phase.ROLLING_BACK;
        state.rollbackEndsIn = endsIn;
        state.reason = reason;
        record(from, Phase.ROLLING_BACK.id(), reason);
        rollBack();
    }

    /**
     * Tries the rollback until it succeeds or its attempts are spent. Interrupts (a second Ctrl-C)
     * do not stop it: giving up on a rollback is what strands traffic on a bad model.
     */
    private void rollBack() {
        int attempts = plan.rollback().attempts();
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Thread.interrupted();
            try {
                rollbackRouter.setWeight(0);
                state.weight = 0;
                Phase end = state.rollbackEndsIn == null ? Phase.ROLLED_BACK : state.rollbackEndsIn;
                finish(end, state.reason);
                return;
            } catch (RouterException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                last = "interrupted";
            }
            if (attempt < attempts) {
                Instant until = clock.now().plus(backoff(attempt));
                while (clock.now().isBefore(until)) {
                    try {
                        clock.sleep(Duration.between(clock.now(), until));
                    } catch (InterruptedException e) {
                        // keep trying: see above
                    }
                }
            }
        }
        String reason = "rollback failed after " + attempts + " attempts (" + last + "): traffic may still be on the canary at "
                + state.weight + "%; rolling back because: " + state.reason;
        state.reason = reason;
        String from = label();
        state.phase = Phase.ROLLBACK_FAILED;
        state.finishedAt = clock.now().toString();
        record(from, Phase.ROLLBACK_FAILED.id(), reason);
    }

    private void finish(Phase phase, String reason) {
        String from = label();
        state.phase = phase;
        if (phase != Phase.PROMOTED) {
            state.reason = reason;
        }
        state.finishedAt = clock.now().toString();
        record(from, phase.id(), reason);
    }

    private void record(String from, String to, String reason) {
        state.transitions.add(new Transition(clock.now().toString(), from, to, state.weight, reason));
        listener.changed(state);
    }

    private String label() {
        return switch (state.phase) {
            case STAGE -> "stage " + (state.stage + 1) + " (" + state.weight + "%)";
            default -> state.phase.id();
        };
    }

    private long analysesInStage() {
        return state.analyses.stream().filter(a -> a.stage() == state.stage).count();
    }

    private void waitUntil(Instant target) {
        while (true) {
            checkAbort();
            Instant now = clock.now();
            if (!now.isBefore(target)) {
                return;
            }
            Duration left = Duration.between(now, target);
            sleepInterruptibly(left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    private void sleepInterruptibly(Duration duration) {
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            throw new AbortSignal(abortReason != null ? abortReason : "interrupted");
        }
        checkAbort();
    }

    private void checkAbort() {
        if (abortReason != null) {
            throw new AbortSignal(abortReason);
        }
    }

    private static Duration backoff(int attempt) {
        Duration d = Duration.ofSeconds(1L << Math.min(attempt - 1, 4));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static String failures(Analysis analysis) {
        return analysis.checks().stream().filter(c -> c.verdict() == Verdict.FAILED)
                .map(c -> c.name() + ": " + c.message()).collect(Collectors.joining("; "));
    }

    private static String unreachableProblem(Analysis analysis) {
        return analysis.checks().stream().filter(c -> Boolean.TRUE.equals(c.details().get("unreachable")))
                .map(Check::message).findFirst().orElse("");
    }

    /** Unwinds the stage loop to roll back. */
    private static final class AbortSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortSignal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Unwinds after a rollback that already ran (the router failed). */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
