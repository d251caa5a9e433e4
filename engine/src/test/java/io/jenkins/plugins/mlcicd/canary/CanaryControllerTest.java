package io.jenkins.plugins.mlcicd.canary;

import static io.jenkins.plugins.mlcicd.canary.Fakes.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.canary.CanaryController.OnResume;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class CanaryControllerTest {
    /** 3 stages of 60 s at 10 s intervals, then 100%: 18 analyses when healthy. */
    static final String PLAN = """
            stages:
              - {weight: 5, duration: 60s}
              - {weight: 25, duration: 60s}
              - {weight: 50, duration: 60s}
              - {weight: 100}
            interval: 10s
            router: {command: ['set-weight', '${WEIGHT}']}
            metrics: {prometheus: {url: 'http://prometheus:9090', timeout: 5s}}
            guardrails:
              - {name: latencyP95, query: 'p95{variant="${VARIANT}"}', max: 0.050}
              - {name: errorRate, query: 'errors{variant="${VARIANT}"}', max: 0.01, maxIncrease: 0.002}
            failureLimit: %d
            noData: %s
            rollbackWithin: 2m
            """;

    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Router router = new Fakes.Router(clock);
    final Fakes.Router rollback = new Fakes.Router(clock);
    final List<String> snapshots = new ArrayList<>();

    static CanaryPlan plan(int failureLimit, String noData) {
        return PlanReader.parse("plan.yaml", PLAN.formatted(failureLimit, noData));
    }

    /** Healthy values: p95 30 ms, error rate 0.5% on both variants. */
    static Reading healthy(String query, long t) {
        return query.startsWith("p95") ? v(0.030) : v(0.005);
    }

    CanaryController controller(CanaryPlan plan, RolloutState state, BiFunction<String, Long, Reading> values) {
        return new CanaryController(plan, state, clock, router, rollback, new Fakes.Metrics(clock, values),
                s -> snapshots.add(s.toJson()));
    }

    @Test
    void healthyCanaryIsPromotedThroughEveryStage() {
        RolloutState state = controller(plan(1, "fail"), new RolloutState(), CanaryControllerTest::healthy).run(OnResume.CONTINUE);

        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(router.calls).containsExactly(5, 25, 50, 100);
        assertThat(rollback.calls).isEmpty();
        assertThat(state.analyses).hasSize(18);
        assertThat(state.analyses).extracting(Analysis::stage).containsOnly(0, 1, 2);
        assertThat(state.analyses).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Analysis.PASSED));
        assertThat(state.transitions).extracting(Transition::to)
                .containsExactly("stage 1 (5%)", "stage 2 (25%)", "stage 3 (50%)", "stage 4 (100%)", "promoted");
        assertThat(clock.seconds()).isEqualTo(180);
        assertThat(state.weight).isEqualTo(100);
        // every transition and analysis was handed over for persisting
        assertThat(snapshots).hasSize(5 + 18);
    }

    @Test
    void breachRollsBackAfterFailureLimitPlusOneAnalyses() {
        // canary latency breaks 75 s in (stage 2), visible from then on
        RolloutState state = controller(plan(1, "fail"), new RolloutState(),
                (q, t) -> q.startsWith("p95") && q.contains("canary") && t >= 75 ? v(0.080) : healthy(q, t))
                .run(OnResume.CONTINUE);

        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(rollback.calls).containsExactly(0);
        assertThat(router.calls).containsExactly(5, 25);
        // failures at 80 and 90 s: the second one rolls back, 15 s after the breach (≤ 10 s × 2)
        assertThat(Duration.between(Fakes.T0, rollback.times.get(0)).toSeconds()).isEqualTo(90);
        assertThat(state.reason).contains("2 consecutive failed analyses").contains("latencyP95").contains("0.08000 > max 0.05");
        assertThat(state.weight).isZero();
        assertThat(state.transitions).extracting(Transition::to).endsWith("rolling-back", "rolled-back");
    }

    @Test
    void failureLimitZeroRollsBackOnTheFirstFailure() {
        RolloutState state = controller(plan(0, "fail"), new RolloutState(),
                (q, t) -> q.startsWith("errors") && q.contains("canary") ? v(0.0095) : healthy(q, t))
                .run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.analyses).hasSize(1);
        assertThat(state.reason).contains("errorRate").contains("increase");
    }

    @Test
    void aSingleFailureBelowTheLimitIsForgivenByTheNextPass() {
        RolloutState state = controller(plan(1, "fail"), new RolloutState(),
                (q, t) -> q.startsWith("p95") && q.contains("canary") && t == 30 ? v(0.2) : healthy(q, t))
                .run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(state.analyses).extracting(Analysis::outcome).contains(Analysis.FAILED);
    }

    @Test
    void aStageDoesNotAdvanceOnAFailedLastAnalysis() {
        // the 6th analysis of stage 1 fails (t = 60): the stage is prolonged, the 7th passes, then stage 2
        RolloutState state = controller(plan(1, "fail"), new RolloutState(),
                (q, t) -> q.startsWith("p95") && q.contains("canary") && t == 60 ? v(0.2) : healthy(q, t))
                .run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(state.analyses.stream().filter(a -> a.stage() == 0)).hasSize(7);
    }

    @Test
    void noDataFailTurnsNaNIntoFailures() {
        RolloutState state = controller(plan(1, "fail"), new RolloutState(),
                (q, t) -> q.startsWith("p95") && q.contains("canary") ? Reading.of(Double.NaN, "NaN") : healthy(q, t))
                .run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.analyses).hasSize(2);
        Check check = state.analyses.get(0).checks().get(0);
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.message()).contains("value is NaN").contains("noData: fail");
    }

    @Test
    void noDataInconclusiveNeverPassesButDoesNotRollBackWhileDataComesBack() {
        // no data for the first 40 s, then healthy: promoted, with inconclusive analyses recorded
        RolloutState state = controller(plan(1, "inconclusive"), new RolloutState(),
                (q, t) -> t <= 40 ? Reading.empty("empty result") : healthy(q, t)).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(state.analyses).extracting(Analysis::outcome).startsWith(Analysis.INCONCLUSIVE, Analysis.INCONCLUSIVE,
                Analysis.INCONCLUSIVE, Analysis.INCONCLUSIVE, Analysis.PASSED);
        assertThat(state.analyses.get(0).checks()).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
    }

    @Test
    void noDataInconclusiveForeverRollsBackAfterTheStagePlusGrace() {
        RolloutState state = controller(plan(1, "inconclusive"), new RolloutState(),
                (q, t) -> Reading.empty("empty result")).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.reason).contains("without a passing analysis");
        // 60 s stage + 2 intervals of grace
        assertThat(state.analyses).hasSize(8);
    }

    @Test
    void noDataIgnoreLetsTheOtherGuardrailsDecideAndRecordsTheGap() {
        RolloutState state = controller(plan(1, "ignore"), new RolloutState(),
                (q, t) -> q.startsWith("errors") ? Reading.empty("empty result") : healthy(q, t)).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        Check ignored = state.analyses.get(0).checks().get(1);
        assertThat(ignored.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ignored.message()).contains("ignored");
    }

    @Test
    void anUnreachableSourceRollsBackEvenWhenNoDataIsIgnored() {
        RolloutState state = controller(plan(1, "ignore"), new RolloutState(),
                (q, t) -> t >= 25 ? Reading.unreachable("Prometheus unreachable: connection refused") : healthy(q, t))
                .run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.reason).contains("unreachable in 2 consecutive analyses").contains("connection refused");
        assertThat(state.analyses).hasSize(4);
    }

    @Test
    void anUnreachableSourceUnderNoDataFailIsAFailure() {
        RolloutState state = controller(plan(1, "fail"), new RolloutState(),
                (q, t) -> Reading.unreachable("Prometheus did not answer within 5000 ms")).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.analyses).hasSize(2);
        assertThat(state.analyses.get(0).outcome()).isEqualTo(Analysis.FAILED);
    }

    @Test
    void aFailingRouterCallIsRetried() {
        router.failuresLeft = 2;
        RolloutState state = controller(plan(1, "fail"), new RolloutState(), CanaryControllerTest::healthy).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(router.calls).containsExactly(5, 5, 5, 25, 50, 100);
    }

    @Test
    void aRouterThatNeverSucceedsRollsBack() {
        router.alwaysFail = true;
        RolloutState state = controller(plan(1, "fail"), new RolloutState(), CanaryControllerTest::healthy).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(router.calls).containsExactly(5, 5, 5);
        assertThat(rollback.calls).containsExactly(0);
        assertThat(state.reason).contains("could not set 5% in 3 attempts").contains("router down");
    }

    @Test
    void aRollbackThatKeepsFailingGivesUpLoudly() {
        rollback.alwaysFail = true;
        RolloutState state = controller(plan(0, "fail"), new RolloutState(),
                (q, t) -> q.contains("canary") && q.startsWith("p95") ? v(1) : healthy(q, t)).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLBACK_FAILED);
        assertThat(rollback.calls).hasSize(5);
        assertThat(state.reason).contains("traffic may still be on the canary at 5%");
        assertThat(CanaryReport.document(plan(0, "fail"), state, clock.now()).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aRollbackThatFailsOnceIsRetriedUntilItSucceeds() {
        rollback.failuresLeft = 2;
        RolloutState state = controller(plan(0, "fail"), new RolloutState(),
                (q, t) -> q.contains("canary") && q.startsWith("p95") ? v(1) : healthy(q, t)).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(rollback.calls).containsExactly(0, 0, 0);
    }

    /** Thrown by a listener to stop the controller where a killed process would stop. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("kill -9");
        }
    }

    @Test
    void aResumedRolloutCountsTheTimeAlreadyAnalysedInItsStage() {
        CanaryPlan plan = plan(1, "fail");
        String[] saved = new String[1];
        CanaryController first = new CanaryController(plan, new RolloutState(), clock, router, rollback,
                new Fakes.Metrics(clock, CanaryControllerTest::healthy), s -> {
                    saved[0] = s.toJson();
                    if (s.stage == 1 && s.analyses.stream().filter(a -> a.stage() == 1).count() == 4) {
                        throw new Crash();
                    }
                });
        try {
            first.run(OnResume.CONTINUE);
        } catch (Crash expected) {
            // the process died 40 s into stage 2
        }
        clock.sleep(Duration.ofMinutes(5)); // down for a while: unobserved time does not count
        RolloutState restored = RolloutState.parse("state.json", saved[0]);
        assertThat(restored.stageObservedMs).isEqualTo(40_000);

        RolloutState state = controller(plan, restored, CanaryControllerTest::healthy).run(OnResume.CONTINUE);

        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(state.analyses.stream().filter(a -> a.stage() == 1)).hasSize(6);
        assertThat(router.calls).containsExactly(5, 25, 25, 50, 100); // the weight is set again on resume
        assertThat(state.transitions).extracting(Transition::reason).anySatisfy(r -> assertThat(r).contains("resumed")
                .contains("40 s"));
    }

    @Test
    void aResumedRolloutWhoseRollbackHadStartedFinishesTheRollback() {
        RolloutState recorded = new RolloutState();
        recorded.planDigest = plan(1, "fail").digest();
        recorded.startedAt = Fakes.T0.toString();
        recorded.phase = Phase.ROLLING_BACK;
        recorded.stage = 1;
        recorded.weight = 25;
        recorded.reason = "latencyP95 over max";
        recorded.rollbackEndsIn = Phase.ROLLED_BACK;
        RolloutState state = controller(plan(1, "fail"), RolloutState.parse("s.json", recorded.toJson()),
                CanaryControllerTest::healthy).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(router.calls).isEmpty();
        assertThat(rollback.calls).containsExactly(0);
        assertThat(state.transitions.get(0).reason()).contains("finishing the rollback");
    }

    @Test
    void onResumeRollbackRollsBackInsteadOfContinuing() {
        RolloutState recorded = new RolloutState();
        recorded.startedAt = Fakes.T0.toString();
        recorded.phase = Phase.STAGE;
        recorded.stage = 0;
        recorded.weight = 5;
        RolloutState state = controller(plan(1, "fail"), recorded, CanaryControllerTest::healthy).run(OnResume.ROLLBACK);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(state.reason).contains("on-resume");
        assertThat(router.calls).isEmpty();
        assertThat(rollback.calls).containsExactly(0);
    }

    @Test
    void anAbortRequestRollsBackAndEndsAborted() {
        CanaryController[] self = new CanaryController[1];
        self[0] = new CanaryController(plan(1, "fail"), new RolloutState(), clock, router, rollback,
                new Fakes.Metrics(clock, CanaryControllerTest::healthy), s -> {
                    if (s.analyses.size() == 3) {
                        self[0].requestAbort("SIGTERM");
                    }
                });
        RolloutState state = self[0].run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.ABORTED);
        assertThat(state.analyses).hasSize(3);
        assertThat(rollback.calls).containsExactly(0);
        assertThat(state.reason).contains("SIGTERM");
    }

    @Test
    void abortingARecordedStageRollsBackAndAbortingBeforeAnyTrafficCallsNothing() {
        RolloutState recorded = new RolloutState();
        recorded.phase = Phase.STAGE;
        recorded.stage = 1;
        recorded.weight = 25;
        RolloutState state = controller(plan(1, "fail"), recorded, CanaryControllerTest::healthy).abort("--abort");
        assertThat(state.phase).isEqualTo(Phase.ABORTED);
        assertThat(rollback.calls).containsExactly(0);

        Fakes.Router untouched = new Fakes.Router(clock);
        RolloutState ready = new CanaryController(plan(1, "fail"), new RolloutState(), clock, untouched, untouched,
                new Fakes.Metrics(clock, CanaryControllerTest::healthy), s -> { }).abort("--abort");
        assertThat(ready.phase).isEqualTo(Phase.ABORTED);
        assertThat(untouched.calls).isEmpty();
    }

    @Test
    void aFinishedRolloutIsOnlyReported() {
        RolloutState done = new RolloutState();
        done.phase = Phase.PROMOTED;
        done.weight = 100;
        RolloutState state = controller(plan(1, "fail"), done, CanaryControllerTest::healthy).run(OnResume.CONTINUE);
        assertThat(state.phase).isEqualTo(Phase.PROMOTED);
        assertThat(router.calls).isEmpty();
    }

    @Test
    void variantsAndSlicesAreExpandedIntoOneCheckPerSlice() {
        CanaryPlan plan = PlanReader.parse("plan.yaml", """
                stages: [{weight: 10, duration: 10s}, {weight: 100}]
                interval: 10s
                router: {command: [x]}
                metrics: {prometheus: {url: 'http://p:9090'}}
                slices: [US, DE]
                guardrails:
                  - {name: catch, query: 'kpi{variant="${VARIANT}",country="${SLICE}"}', maxRelativeDecrease: 0.02}
                rollbackWithin: 2m
                """);
        Fakes.Metrics metrics = new Fakes.Metrics(clock, (q, t) -> q.contains("DE") && q.contains("canary") ? v(0.90) : v(0.95));
        RolloutState state = new CanaryController(plan, new RolloutState(), clock, router, rollback, metrics, s -> { })
                .run(OnResume.CONTINUE);
        assertThat(metrics.queries).contains("kpi{variant=\"canary\",country=\"US\"}", "kpi{variant=\"baseline\",country=\"DE\"}");
        assertThat(state.analyses.get(0).checks()).extracting(Check::name).containsExactly("catch[slice=US]", "catch[slice=DE]");
        assertThat(state.analyses.get(0).checks()).extracting(Check::verdict).containsExactly(Verdict.PASSED, Verdict.FAILED);
        assertThat(state.phase).isEqualTo(Phase.ROLLED_BACK);
    }
}
