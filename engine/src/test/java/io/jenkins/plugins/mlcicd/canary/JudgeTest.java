package io.jenkins.plugins.mlcicd.canary;

import static io.jenkins.plugins.mlcicd.canary.Fakes.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {
    static Guardrail g(Double min, Double max, Double inc, Double dec, Double relInc, Double relDec, boolean mw) {
        return new Guardrail("m", "q{variant=\"${VARIANT}\"}", min, max, inc, dec, relInc, relDec, mw, 0.05, 5);
    }

    static Check judge(Guardrail g, Reading canary, Reading baseline) {
        return Judge.judge(g, "m", null, canary, baseline, new RolloutState.Samples(), NoData.FAIL);
    }

    @Test
    void absoluteBounds() {
        assertThat(judge(g(null, 0.05, null, null, null, null, false), v(0.05), null).verdict()).isEqualTo(Verdict.PASSED);
        Check over = judge(g(null, 0.05, null, null, null, null, false), v(0.051), null);
        assertThat(over.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(over.threshold()).isEqualTo("≤ 0.05");
        assertThat(judge(g(0.9, null, null, null, null, null, false), v(0.89), null).verdict()).isEqualTo(Verdict.FAILED);
        Check inf = judge(g(null, 0.05, null, null, null, null, false), Reading.of(Double.POSITIVE_INFINITY, "+Inf"), null);
        assertThat(inf.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(inf.value()).isNull();
        assertThat(inf.message()).contains("+Inf");
    }

    @Test
    void changeAgainstTheBaselineAbsoluteAndRelative() {
        Guardrail errors = g(null, null, 0.002, null, null, null, false);
        Check small = judge(errors, v(0.011), v(0.010));
        assertThat(small.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(small.delta()).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(judge(errors, v(0.013), v(0.010)).verdict()).isEqualTo(Verdict.FAILED);

        Guardrail kpi = g(null, null, null, null, null, 0.02, false);
        assertThat(judge(kpi, v(0.981), v(1.0)).verdict()).isEqualTo(Verdict.PASSED);
        Check drop = judge(kpi, v(0.97), v(1.0));
        assertThat(drop.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(drop.message()).contains("relative decrease 3.00% > 2.00%");
        assertThat(judge(kpi, v(0.97), v(0)).message()).contains("baseline is 0");
    }

    @Test
    void aMissingBaselineFollowsNoData() {
        Guardrail errors = g(null, null, 0.002, null, null, null, false);
        Check missing = Judge.judge(errors, "m", null, v(0.01), Reading.empty("empty result"), null, NoData.INCONCLUSIVE);
        assertThat(missing.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(missing.message()).contains("baseline: empty result");
        Check ignored = Judge.judge(errors, "m", null, v(0.01), Reading.empty("x"), null, NoData.IGNORE);
        assertThat(ignored.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ignored.details()).containsEntry(Judge.IGNORED, true);
    }

    @Test
    void mannWhitneyNeedsSignificanceAndAShiftBeyondTheTolerance() {
        Guardrail latency = g(null, null, null, null, 0.10, null, true);
        RolloutState.Samples shifted = new RolloutState.Samples();
        shifted.canary.addAll(List.of(0.060, 0.061, 0.062, 0.063, 0.064, 0.065));
        shifted.baseline.addAll(List.of(0.040, 0.041, 0.042, 0.043, 0.044, 0.045));
        // the latest point is within 10% of the baseline, but over the stage the canary is clearly slower
        Check check = Judge.judge(latency, "m", null, v(0.044), v(0.042), shifted, NoData.FAIL);
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.message()).contains("significantly higher").contains("P(canary > baseline) = 1.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> mw = (Map<String, Object>) check.details().get("mannWhitney");
        assertThat((double) mw.get("pValue")).isLessThan(0.01);
        assertThat(mw.get("commonLanguageEffect")).isEqualTo(1.0);

        // the same significance with a shift inside the tolerance passes: many samples make tiny differences significant
        RolloutState.Samples tiny = new RolloutState.Samples();
        tiny.canary.addAll(List.of(0.0410, 0.0411, 0.0412, 0.0413, 0.0414, 0.0415));
        tiny.baseline.addAll(List.of(0.0400, 0.0401, 0.0402, 0.0403, 0.0404, 0.0405));
        assertThat(Judge.judge(latency, "m", null, v(0.041), v(0.040), tiny, NoData.FAIL).verdict()).isEqualTo(Verdict.PASSED);

        // too few samples: the point bounds decide, and the check says so
        RolloutState.Samples few = new RolloutState.Samples();
        few.canary.add(0.09);
        few.baseline.add(0.04);
        Check early = Judge.judge(latency, "m", null, v(0.041), v(0.040), few, NoData.FAIL);
        assertThat(early.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(early.details().get("mannWhitney").toString()).contains("needs 5 samples");
    }
}
